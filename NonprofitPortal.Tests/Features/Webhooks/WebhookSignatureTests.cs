using NonprofitPortal.Features.Webhooks;

namespace NonprofitPortal.Tests.Features.Webhooks;

public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_test";
    private const string Body = """{"id":"evt_1","type":"send.failed","createdAt":"2026-12-02T10:00:00+00:00","data":{"sendId":7}}""";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_796_000_000);

    [Fact]
    public void The_header_is_the_timestamp_and_the_hex_hmac_of_the_timestamp_dot_body()
    {
        var header = WebhookSignature.Header(Secret, 1_796_000_000, "{}");

        // printf '1796000000.{}' | openssl dgst -sha256 -hmac whsec_test
        Assert.Equal("t=1796000000,v1=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData("whsec_test"u8, "1796000000.{}"u8)), header);
        Assert.Matches("^t=1796000000,v1=[0-9a-f]{64}$", header);
    }

    [Fact]
    public void A_signed_body_verifies()
    {
        var header = WebhookSignature.Header(Secret, Now.ToUnixTimeSeconds(), Body);

        Assert.True(WebhookSignature.Verify(Secret, header, Body, Now.AddSeconds(30), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void A_tampered_body_a_wrong_secret_an_old_timestamp_or_no_header_fails()
    {
        var header = WebhookSignature.Header(Secret, Now.ToUnixTimeSeconds(), Body);

        Assert.False(WebhookSignature.Verify(Secret, header, Body.Replace("7", "8", StringComparison.Ordinal), Now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("whsec_other", header, Body, Now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(Secret, header, Body, Now.AddMinutes(6), TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(Secret, header.Replace("t=1796000000", "t=1796000001", StringComparison.Ordinal), Body, Now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(Secret, null, Body, Now, TimeSpan.FromMinutes(5)));
    }
}
