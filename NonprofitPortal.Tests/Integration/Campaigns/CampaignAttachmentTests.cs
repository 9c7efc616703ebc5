using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using MimeKit;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Drafts.Api;
using NonprofitPortal.Tests.Features.Media;
using NonprofitPortal.Tests.Infrastructure;
using NonprofitPortal.Tests.Integration.Media;

namespace NonprofitPortal.Tests.Integration.Campaigns;

/// <summary>A draft's attachments, frozen into its campaign and carried intact by every message through a real smtp-sink.</summary>
public sealed class CampaignAttachmentTests(PostgresServer postgres)
{
    private readonly SendingHosts _hosts = new(postgres, onPostgres: false);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_recipient_gets_each_attachment_byte_for_byte()
    {
        await using var sink = await SendingHosts.StartSinkAsync();
        await using var host = await _hosts.StartAsync(sink);
        using var admin = await host.AdminClientAsync();
        var media = new MediaApi(admin);
        var pdf = MediaSamples.Read(MediaSamples.Pdf);
        var list = LargeCsv(1024 * 1024);
        var guidelines = await media.UploadAsync("Guidelines 2027.pdf", pdf);
        var applicants = await media.UploadAsync("applicants.csv", list);
        var emails = await new CampaignApi(admin).ImportRecipientsAsync("attached", 5);

        var created = await admin.PostAsJsonAsync("/api/drafts", new
        {
            name = "Grant round",
            subjectTemplate = "The 2027 round for {{ nonprofit.name }}",
            bodyTemplate = "<p>The guidelines and last year's applicants are attached.</p>",
            recipients = new { filter = new { tag = "attached" } },
            cc = Array.Empty<string>(),
            attachments = new[] { guidelines.Id, applicants.Id },
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = (await created.Content.ReadFromJsonAsync<DraftResponse>(Cancel))!;
        Assert.Equal([guidelines.Id, applicants.Id], (await admin.GetFromJsonAsync<DraftResponse>($"/api/drafts/{draft.Id}", Cancel))!.Attachments);
        var sent = await admin.PostAsync($"/api/drafts/{draft.Id}/send", null, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        var campaignId = (await sent.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Cancel)).GetProperty("campaignId").GetInt64();
        var finished = await new CampaignApi(admin).WaitUntilFinishedAsync(campaignId);

        Assert.Equal((CampaignStatus.Completed, 5), (finished.Status, finished.Sent));
        var received = sink.ReadMessages().OfCampaign(campaignId);
        Assert.Equal(emails.Order(), received.SelectMany(m => m.Recipients).Order());
        foreach (var message in received.Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.RawMessage)), Cancel)))
        {
            Assert.Contains("are attached", message.HtmlBody, StringComparison.Ordinal);
            var attachments = message.Attachments.OfType<MimePart>().ToList();
            Assert.Equal(["guidelines-2027.pdf", "applicants.csv"], attachments.Select(a => a.FileName));
            Assert.Equal(["application/pdf", "text/csv"], attachments.Select(a => a.ContentType.MimeType));
            Assert.Equal([Checksum(pdf), Checksum(list)], attachments.Select(a => Checksum(Decoded(a))));
        }

        var kept = await admin.DeleteAsync($"/api/media/{guidelines.Id}", Cancel);
        Assert.Equal(HttpStatusCode.Conflict, kept.StatusCode);
    }

    [Fact]
    public async Task Attachments_over_the_limit_in_all_are_refused_when_the_draft_is_saved()
    {
        await using var sink = await SendingHosts.StartSinkAsync();
        await using var host = await _hosts.StartAsync(sink, new Dictionary<string, string?> { ["Campaigns:MaxAttachmentBytes"] = "20000" });
        using var admin = await host.AdminClientAsync();
        var media = new MediaApi(admin);
        var first = await media.UploadAsync("first.pdf", MediaSamples.Read(MediaSamples.Pdf));
        var second = await media.UploadAsync("second.pdf", MediaSamples.Read(MediaSamples.Pdf));

        var response = await admin.PostAsJsonAsync("/api/drafts", new
        {
            name = "Too heavy",
            subjectTemplate = "Hi",
            bodyTemplate = "<p>Hi</p>",
            recipients = new { all = true },
            cc = Array.Empty<string>(),
            attachments = new[] { first.Id, second.Id },
        }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("every message may carry at most 20 KB (Campaigns:MaxAttachmentBytes)", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    /// <summary>A list of applicants as a spreadsheet would export it, of about <paramref name="bytes"/> bytes.</summary>
    private static byte[] LargeCsv(int bytes)
    {
        var csv = new StringBuilder("name,email,amount\r\n");
        for (var i = 0; csv.Length < bytes; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"Applicant {i},applicant-{i}@example.org,{i * 37 % 100_000}\r\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static byte[] Decoded(MimePart part)
    {
        using var content = new MemoryStream();
        part.Content!.DecodeTo(content, Cancel);
        return content.ToArray();
    }

    private static string Checksum(byte[] content) => Convert.ToHexString(SHA256.HashData(content));
}
