using NonprofitPortal.Features.Bounces.Webhooks;

namespace NonprofitPortal.Tests.Features.Bounces;

public sealed class SnsHostsTests
{
    [Theory]
    [InlineData("https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-abc.pem")]
    [InlineData("https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-abc.pem")]
    [InlineData("https://SNS.us-east-1.AMAZONAWS.com/?Action=ConfirmSubscription&Token=x")]
    public void Amazon_sns_hosts_over_https_are_trusted(string url) => Assert.True(SnsHosts.IsTrusted(new Uri(url)));

    [Theory]
    [InlineData("http://sns.eu-west-1.amazonaws.com/cert.pem")]
    [InlineData("https://sns.eu-west-1.amazonaws.com:8443/cert.pem")]
    [InlineData("https://sns.eu-west-1.amazonaws.com.evil.example/cert.pem")]
    [InlineData("https://evil.example/sns.eu-west-1.amazonaws.com/cert.pem")]
    [InlineData("https://s3.eu-west-1.amazonaws.com/cert.pem")]
    [InlineData("https://user@sns.eu-west-1.amazonaws.com/cert.pem")]
    public void Anything_else_is_not_fetched(string url) => Assert.False(SnsHosts.IsTrusted(new Uri(url)));
}
