using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Features.Bounces;
using NonprofitPortal.Features.Bounces.Webhooks;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Nonprofits;
using NonprofitPortal.Tests.Features.Bounces;
using NonprofitPortal.Tests.Integration.Campaigns;

namespace NonprofitPortal.Tests.Integration.Bounces;

/// <summary>Each provider's webhook, signed with keys made in the test, and forged.</summary>
public sealed class BounceWebhookTests(WebhookHost fixture) : IClassFixture<WebhookHost>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private PortalHost Host => fixture.Host;

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    public async Task Ses_through_sns_records_a_signed_bounce_and_refuses_a_forged_or_foreign_one(string signatureVersion)
    {
        var (campaign, gone) = await SendAsync($"ses{signatureVersion}", 2);
        var notification = SesBounce(gone, "Permanent", "5.1.1", "smtp; 550 5.1.1 user unknown");

        var forged = await PostAsync("ses", Sns(notification, signatureVersion, tamper: true));
        var foreignTopic = await PostAsync("ses", Sns(notification, signatureVersion, topic: "arn:aws:sns:eu-west-1:999999999999:other"));
        var foreignCertificate = await PostAsync("ses", Sns(notification, signatureVersion, certificateUrl: "https://sns.eu-west-1.amazonaws.com.evil.example/cert.pem"));
        var beforeSigned = await StateAsync(campaign, gone);
        var signed = await PostAsync("ses", Sns(notification, signatureVersion));
        var again = await PostAsync("ses", Sns(notification, signatureVersion));

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], new[] { forged.StatusCode, foreignTopic.StatusCode, foreignCertificate.StatusCode });
        Assert.Equal((0, 0, (string?)null), beforeSigned);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Equal(new WebhookResponse(1, 0), await ReadAsync(signed));
        Assert.Equal(new WebhookResponse(0, 1), await ReadAsync(again));
        Assert.Equal((1, 1, SuppressionReasons.HardBounce), await StateAsync(campaign, gone));
        Assert.DoesNotContain(fixture.Sns.Fetched, url => url.Host.EndsWith("evil.example", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ses_confirms_a_signed_subscription_by_its_sns_link_and_ignores_a_forged_one()
    {
        var subscribe = "https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=" + WebhookHost.TopicArn + "&Token=abc" + Guid.NewGuid().ToString("N");
        var confirmation = new Dictionary<string, string>
        {
            ["Type"] = "SubscriptionConfirmation",
            ["MessageId"] = Guid.NewGuid().ToString(),
            ["Token"] = "abc",
            ["TopicArn"] = WebhookHost.TopicArn,
            ["Message"] = "You have chosen to subscribe to the topic.",
            ["SubscribeURL"] = subscribe,
            ["Timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        };

        var forged = await PostAsync("ses", Signed(confirmation, "2", tamper: true));
        var signed = await PostAsync("ses", Signed(confirmation, "2"));

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.OK), (forged.StatusCode, signed.StatusCode));
        Assert.Single(fixture.Sns.Confirmed, url => url.AbsoluteUri == new Uri(subscribe).AbsoluteUri);
    }

    [Fact]
    public async Task Sendgrid_records_a_signed_bounce_and_spam_report_and_refuses_a_forged_or_unsigned_request()
    {
        var (campaign, gone, reader) = await SendTwoAsync("sendgrid");
        var events = JsonSerializer.Serialize(new object[]
        {
            new Dictionary<string, object> { ["email"] = gone.Email, ["event"] = "bounce", ["type"] = "bounce", ["status"] = "5.1.1", ["reason"] = "550 5.1.1 The email account does not exist", ["sg_event_id"] = $"b-{gone.Id}", ["smtp-id"] = $"<{gone.MessageId}>", ["timestamp"] = 1700000000 },
            new Dictionary<string, object> { ["email"] = reader.Email, ["event"] = "spamreport", ["sg_event_id"] = $"s-{reader.Id}", ["smtp-id"] = $"<{reader.MessageId}>", ["timestamp"] = 1700000000 },
        });
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToBase64String(fixture.SendGridKey.SignData(Encoding.UTF8.GetBytes(timestamp + events), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var forgedSignature = Convert.ToBase64String(otherKey.SignData(Encoding.UTF8.GetBytes(timestamp + events), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));

        var unsigned = await PostAsync("sendgrid", Json(events));
        var forged = await PostAsync("sendgrid", Json(events, (SendGridWebhook.SignatureHeader, forgedSignature), (SendGridWebhook.TimestampHeader, timestamp)));
        var beforeSigned = await StateAsync(campaign, gone);
        var signed = await PostAsync("sendgrid", Json(events, (SendGridWebhook.SignatureHeader, signature), (SendGridWebhook.TimestampHeader, timestamp)));

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (unsigned.StatusCode, forged.StatusCode));
        Assert.Equal((0, 0, (string?)null), beforeSigned);
        Assert.Equal(new WebhookResponse(2, 0), await ReadAsync(signed));
        Assert.Equal((1, 1, SuppressionReasons.HardBounce), await StateAsync(campaign, gone));
        Assert.NotNull(await OptedOutAtAsync(reader));
    }

    [Fact]
    public async Task Postmark_records_a_bounce_behind_its_basic_auth_and_refuses_wrong_credentials()
    {
        var (campaign, gone) = await SendAsync("postmark", 2);
        var bounce = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["RecordType"] = "Bounce", ["ID"] = 4323372036854775807 - gone.Id, ["Type"] = "HardBounce", ["TypeCode"] = 1, ["MessageID"] = Guid.NewGuid().ToString(),
            ["Description"] = "The server was unable to deliver your message (ex: unknown user, mailbox not found).", ["Details"] = "smtp;550 5.1.1 The email account does not exist",
            ["Email"] = gone.Email, ["BouncedAt"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["Content"] = BounceSamples.DeliveryStatus(gone.MessageId!, gone.Email),
        });

        var wrong = await PostAsync("postmark", Json(bounce, ("Authorization", Basic(WebhookHost.PostmarkUser, "wrong"))));
        var none = await PostAsync("postmark", Json(bounce));
        var beforeSigned = await StateAsync(campaign, gone);
        var right = await PostAsync("postmark", Json(bounce, ("Authorization", Basic(WebhookHost.PostmarkUser, WebhookHost.PostmarkPassword))));

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (wrong.StatusCode, none.StatusCode));
        Assert.Equal((0, 0, (string?)null), beforeSigned);
        Assert.Equal(new WebhookResponse(1, 0), await ReadAsync(right));
        Assert.Equal((1, 1, SuppressionReasons.HardBounce), await StateAsync(campaign, gone));
    }

    [Fact]
    public async Task Mailgun_records_a_signed_failure_and_refuses_a_forged_old_or_replayed_signature()
    {
        var (campaign, gone) = await SendAsync("mailgun", 2);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var forged = await PostAsync("mailgun", Json(MailgunEvent(gone, now, "token-forged-" + gone.Id, key: "not-the-key")));
        var old = await PostAsync("mailgun", Json(MailgunEvent(gone, now - 3600, "token-old-" + gone.Id)));
        var beforeSigned = await StateAsync(campaign, gone);
        var signed = await PostAsync("mailgun", Json(MailgunEvent(gone, now, "token-good-" + gone.Id)));
        var replayed = await PostAsync("mailgun", Json(MailgunEvent(gone, now, "token-good-" + gone.Id)));

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (forged.StatusCode, old.StatusCode));
        Assert.Equal((0, 0, (string?)null), beforeSigned);
        Assert.Equal(new WebhookResponse(1, 0), await ReadAsync(signed));
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Equal((1, 1, SuppressionReasons.HardBounce), await StateAsync(campaign, gone));
    }

    private static string MailgunEvent(EmailSend send, long timestamp, string token, string key = WebhookHost.MailgunKey) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["signature"] = new Dictionary<string, string>
        {
            ["timestamp"] = timestamp.ToString(CultureInfo.InvariantCulture),
            ["token"] = token,
            ["signature"] = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + token))),
        },
        ["event-data"] = new Dictionary<string, object>
        {
            ["event"] = "failed", ["severity"] = "permanent", ["id"] = $"mg-{send.Id}", ["recipient"] = send.Email,
            ["message"] = new Dictionary<string, object> { ["headers"] = new Dictionary<string, string> { ["message-id"] = send.MessageId! } },
            ["delivery-status"] = new Dictionary<string, object> { ["code"] = 550, ["message"] = "5.1.1 The email account that you tried to reach does not exist" },
        },
    });

    [Fact]
    public async Task A_provider_without_its_key_answers_404()
    {
        await using var plain = new PortalHost();
        using var client = plain.CreateClient();

        foreach (var provider in new[] { "ses", "sendgrid", "postmark", "mailgun" })
        {
            var response = await client.PostAsync($"/webhooks/bounces/{provider}", new StringContent("{}", Encoding.UTF8, "application/json"), Cancel);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    private string SesBounce(EmailSend send, string bounceType, string status, string diagnostic) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["notificationType"] = "Bounce",
        ["bounce"] = new Dictionary<string, object>
        {
            ["bounceType"] = bounceType, ["bounceSubType"] = "General", ["feedbackId"] = $"fb-{send.Id}", ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["bouncedRecipients"] = new[] { new Dictionary<string, string> { ["emailAddress"] = send.Email, ["status"] = status, ["action"] = "failed", ["diagnosticCode"] = diagnostic } },
        },
        ["mail"] = new Dictionary<string, object>
        {
            ["messageId"] = "0100018c-ses-own-id", ["source"] = "portal@portal.test", ["destination"] = new[] { send.Email },
            ["commonHeaders"] = new Dictionary<string, object> { ["messageId"] = $"<{send.MessageId}>", ["subject"] = "Hello" },
        },
    });

    private Dictionary<string, string> Sns(string message, string signatureVersion, bool tamper = false, string topic = WebhookHost.TopicArn, string? certificateUrl = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Type"] = "Notification",
            ["MessageId"] = Guid.NewGuid().ToString(),
            ["TopicArn"] = topic,
            ["Subject"] = "Amazon SES Email Event Notification",
            ["Message"] = message,
            ["Timestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
        };
        return Signed(fields, signatureVersion, tamper, certificateUrl);
    }

    private Dictionary<string, string> Signed(Dictionary<string, string> fields, string signatureVersion, bool tamper = false, string? certificateUrl = null)
    {
        var signed = new Dictionary<string, string>(fields)
        {
            ["SignatureVersion"] = signatureVersion,
            ["SigningCertURL"] = certificateUrl ?? "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-test.pem",
        };
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(signed));
        var text = SesWebhook.StringToSign(document.RootElement)!;
        var hash = signatureVersion == "1" ? HashAlgorithmName.SHA1 : HashAlgorithmName.SHA256;
        signed["Signature"] = Convert.ToBase64String(fixture.SnsKey.SignData(Encoding.UTF8.GetBytes(text), hash, RSASignaturePadding.Pkcs1));
        if (tamper)
        {
            signed["Message"] = signed["Message"].Replace("5.1.1", "5.1.2", StringComparison.Ordinal) + " ";
        }

        return signed;
    }

    private async Task<(long Campaign, EmailSend First)> SendAsync(string tag, int recipients)
    {
        var campaign = await BouncedCampaign.SendAsync(Host, new CampaignApi(await Host.AdminClientAsync()), tag, recipients);
        return (campaign.Id, campaign.Sends[$"{tag}-0@{tag}.example"]);
    }

    private async Task<(long Campaign, EmailSend First, EmailSend Second)> SendTwoAsync(string tag)
    {
        var campaign = await BouncedCampaign.SendAsync(Host, new CampaignApi(await Host.AdminClientAsync()), tag, 2);
        return (campaign.Id, campaign.Sends[$"{tag}-0@{tag}.example"], campaign.Sends[$"{tag}-1@{tag}.example"]);
    }

    /// <summary>The campaign's bounced counter, the send's events, and its nonprofit's suppression reason.</summary>
    private async Task<(int Bounced, int Events, string? Reason)> StateAsync(long campaignId, EmailSend send)
    {
        await using var db = await BouncedCampaign.DatabaseAsync(Host);
        return (
            await db.Campaigns.Where(c => c.Id == campaignId).Select(c => c.Bounced).SingleAsync(Cancel),
            await db.DeliveryEvents.CountAsync(e => e.SendId == send.Id, Cancel),
            await db.Nonprofits.Where(n => n.Id == send.NonprofitId).Select(n => n.SuppressionReason).SingleAsync(Cancel));
    }

    private async Task<DateTimeOffset?> OptedOutAtAsync(EmailSend send)
    {
        await using var db = await BouncedCampaign.DatabaseAsync(Host);
        return await db.Nonprofits.Where(n => n.Id == send.NonprofitId).Select(n => n.OptedOutAt).SingleAsync(Cancel);
    }

    private async Task<HttpResponseMessage> PostAsync(string provider, object body)
    {
        using var client = Host.CreateClient();
        var request = body as HttpRequestMessage ?? Json(JsonSerializer.Serialize(body));
        request.RequestUri = new Uri($"/webhooks/bounces/{provider}", UriKind.Relative);
        return await client.SendAsync(request, Cancel);
    }

    private static HttpRequestMessage Json(string body, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, (Uri?)null) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    private static string Basic(string user, string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    private static async Task<WebhookResponse?> ReadAsync(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<WebhookResponse>(await response.Content.ReadAsStringAsync(Cancel), JsonSerializerOptions.Web);
}
