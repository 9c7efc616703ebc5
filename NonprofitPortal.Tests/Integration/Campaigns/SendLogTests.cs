using System.Net;
using System.Text.Json;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Bounces;
using NonprofitPortal.Features.Campaigns.Api;
using NonprofitPortal.Features.Campaigns.Sends;
using NonprofitPortal.Tests.Infrastructure;

namespace NonprofitPortal.Tests.Integration.Campaigns;

/// <summary>The per-recipient log through the real host, after a campaign sent into a real smtp-sink; on SQLite and PostgreSQL (subclasses at the end).</summary>
public abstract class SendLogTests(PostgresServer postgres, bool onPostgres)
{
    private readonly SendingHosts _hosts = new(postgres, onPostgres);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_log_finds_a_recipient_by_email_and_shows_the_reply_of_the_server_that_took_the_message()
    {
        await using var sink = await SendingHosts.StartSinkAsync();
        await using var host = await _hosts.StartAsync(sink);
        var api = new CampaignApi(await host.AdminClientAsync());
        await api.ImportRecipientsAsync("kids", 30);
        var launched = await api.LaunchToTagAsync("kids");
        await api.WaitUntilFinishedAsync(launched.CampaignId);
        var received = sink.ReadMessages().OfCampaign(launched.CampaignId)
            .Single(m => m.Recipients.Contains("kids-17@kids.example"));

        var found = await SendsAsync(api, launched.CampaignId, "?search=Kids-17@Kids.Example");

        var entry = Assert.Single(found.Items);
        Assert.Equal(("Nonprofit kids 17", "kids-17@kids.example", SendStatus.Sent, 1), (entry.Name, entry.Email, entry.Status, entry.Attempts));
        Assert.Equal("2.0.0 Ok", entry.Reply);
        Assert.False(string.IsNullOrEmpty(entry.Server));
        Assert.NotNull(entry.SentAt);
        Assert.Equal(received.Header("Message-ID"), $"<{entry.MessageId}>");
        Assert.Null(found.NextCursor);
    }

    [Fact]
    public async Task A_bounce_reported_after_sending_shows_on_that_recipient_only()
    {
        await using var sink = await SendingHosts.StartSinkAsync();
        await using var host = await _hosts.StartAsync(sink);
        var api = new CampaignApi(await host.AdminClientAsync());
        await api.ImportRecipientsAsync("gone", 2);
        var launched = await api.LaunchToTagAsync("gone");
        await api.WaitUntilFinishedAsync(launched.CampaignId);
        var gone = Assert.Single((await SendsAsync(api, launched.CampaignId, "?search=gone-1@gone.example")).Items);

        var recorded = await host.Services.GetRequiredService<FeedbackRecorder>().RecordRejectionAsync(
            new MatchedSend(gone.Id, launched.CampaignId, gone.NonprofitId, gone.Email), "550 5.1.1 <gone-1@gone.example>: User unknown", Cancel);
        var log = (await SendsAsync(api, launched.CampaignId, "")).Items.ToDictionary(e => e.Email);

        Assert.Equal(RecordedFeedback.Recorded, recorded);
        Assert.Equal(BounceType.Hard, log["gone-1@gone.example"].BounceType);
        Assert.NotNull(log["gone-1@gone.example"].BouncedAt);
        Assert.Equal((null, null), (log["gone-0@gone.example"].BounceType, log["gone-0@gone.example"].BouncedAt));
    }

    [Fact]
    public async Task Cursor_pages_list_every_recipient_once_in_send_order_and_filters_narrow_them()
    {
        await using var sink = await SendingHosts.StartSinkAsync();
        await using var host = await _hosts.StartAsync(sink);
        var api = new CampaignApi(await host.AdminClientAsync());
        var emails = await api.ImportRecipientsAsync("paged", 23);
        var launched = await api.LaunchToTagAsync("paged");
        await api.WaitUntilFinishedAsync(launched.CampaignId);

        var pages = new List<SendsResponse>();
        string? cursor = null;
        do
        {
            var page = await SendsAsync(api, launched.CampaignId, $"?limit=5{(cursor is null ? "" : $"&cursor={cursor}")}");
            pages.Add(page);
            cursor = page.NextCursor;
        }
        while (cursor is not null && pages.Count < 10);

        var listed = pages.SelectMany(p => p.Items).ToList();
        var byName = await SendsAsync(api, launched.CampaignId, "?search=PAGED 1");
        var sent = await SendsAsync(api, launched.CampaignId, "?status=sent&limit=500");
        var failed = await SendsAsync(api, launched.CampaignId, "?status=failed");

        Assert.Equal([5, 5, 5, 5, 3], pages.Select(p => p.Items.Count));
        Assert.Equal(emails.Order(), listed.Select(e => e.Email).Order());
        Assert.Equal(listed.Select(e => e.Id).Order(), listed.Select(e => e.Id));
        Assert.Equal(["paged-1@paged.example", .. Enumerable.Range(10, 10).Select(i => $"paged-{i}@paged.example")], byName.Items.Select(e => e.Email));
        Assert.Equal(23, sent.Items.Count);
        Assert.Empty(failed.Items);
    }

    [Fact]
    public async Task A_search_finds_recipients_whose_name_or_email_words_start_with_every_word_typed_and_pages_by_cursor()
    {
        await using var sink = await SendingHosts.StartSinkAsync();
        await using var host = await _hosts.StartAsync(sink);
        var api = new CampaignApi(await host.AdminClientAsync());
        await api.ImportRecipientsAsync("wordy", 12);
        await api.ImportRecipientsAsync("wordsmith", 2);
        var launched = await api.LaunchToTagAsync("wordy");
        await api.WaitUntilFinishedAsync(launched.CampaignId);
        var other = await api.LaunchToTagAsync("wordsmith");
        await api.WaitUntilFinishedAsync(other.CampaignId);

        var byStart = await SendsAsync(api, launched.CampaignId, "?search=WOR&limit=500");
        var inside = await SendsAsync(api, launched.CampaignId, "?search=ordy");
        var first = await SendsAsync(api, launched.CampaignId, "?search=wordy%201&limit=2");
        var second = await SendsAsync(api, launched.CampaignId, $"?search=wordy%201&limit=2&cursor={first.NextCursor}");
        var byDomain = await SendsAsync(api, launched.CampaignId, "?search=example 7");
        var sentOnly = await SendsAsync(api, launched.CampaignId, "?search=wordy&status=sent&limit=500");
        var failedOnly = await SendsAsync(api, launched.CampaignId, "?search=wordy&status=failed");
        var nobody = await SendsAsync(api, launched.CampaignId, "?search=zzqx");

        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"wordy-{i}@wordy.example"), byStart.Items.Select(e => e.Email));
        Assert.Empty(inside.Items);
        Assert.Equal(["wordy-1@wordy.example", "wordy-10@wordy.example"], first.Items.Select(e => e.Email));
        Assert.Equal(["wordy-11@wordy.example"], second.Items.Select(e => e.Email));
        Assert.Null(second.NextCursor);
        Assert.Equal(["wordy-7@wordy.example"], byDomain.Items.Select(e => e.Email));
        Assert.Equal(12, sentOnly.Items.Count);
        Assert.Empty(failedOnly.Items);
        Assert.Empty(nobody.Items);
    }

    [Fact]
    public async Task An_erased_recipient_is_no_longer_found_by_its_old_name_or_email_words()
    {
        await using var sink = await SendingHosts.StartSinkAsync();
        await using var host = await _hosts.StartAsync(sink);
        var api = new CampaignApi(await host.AdminClientAsync());
        await api.ImportRecipientsAsync("forgotten", 2);
        var launched = await api.LaunchToTagAsync("forgotten");
        await api.WaitUntilFinishedAsync(launched.CampaignId);
        var erased = Assert.Single((await SendsAsync(api, launched.CampaignId, "?search=forgotten-1@forgotten.example")).Items);

        var erasure = await api.Client.PostAsync($"/api/nonprofits/{erased.NonprofitId}/erase", null, Cancel);
        var found = await SendsAsync(api, launched.CampaignId, "?search=forgotten&limit=500");

        Assert.Equal(HttpStatusCode.OK, erasure.StatusCode);
        Assert.Equal(["forgotten-0@forgotten.example"], found.Items.Select(e => e.Email));
        Assert.Equal(2, (await SendsAsync(api, launched.CampaignId, "?limit=500")).Items.Count);
    }

    [Fact]
    public async Task The_export_is_csv_of_the_same_recipients_and_unknown_campaigns_or_cursors_are_refused()
    {
        await using var sink = await SendingHosts.StartSinkAsync();
        await using var host = await _hosts.StartAsync(sink);
        var api = new CampaignApi(await host.AdminClientAsync());
        await api.ImportRecipientsAsync("exported", 3);
        var launched = await api.LaunchToTagAsync("exported");
        await api.WaitUntilFinishedAsync(launched.CampaignId);

        var csv = await api.Client.GetAsync($"/api/campaigns/{launched.CampaignId}/sends/export?search=exported-2", Cancel);
        var lines = (await csv.Content.ReadAsStringAsync(Cancel)).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var missing = await api.Client.GetAsync("/api/campaigns/999999/sends", Cancel);
        var forged = await api.Client.GetAsync($"/api/campaigns/{launched.CampaignId}/sends?cursor=abc", Cancel);
        var unknownStatus = await api.Client.GetAsync($"/api/campaigns/{launched.CampaignId}/sends?status=delivered", Cancel);

        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("id,nonprofitId,name,email,status,attempts,server,reply,sentAt,messageId,bouncedAt,bounceType,complainedAt,openedAt,clickedAt", lines[0], StringComparison.Ordinal);
        Assert.Contains(",exported-2@exported.example,sent,1,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",2.0.0 Ok,", lines[1], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("application/problem+json", forged.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, unknownStatus.StatusCode);
    }

    private static async Task<SendsResponse> SendsAsync(CampaignApi api, long campaignId, string query)
    {
        var response = await api.Client.GetAsync($"/api/campaigns/{campaignId}/sends{query}", Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query} answered {response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<SendsResponse>(body, CampaignApi.Json)!;
    }
}

public sealed class SqliteSendLogTests(PostgresServer postgres) : SendLogTests(postgres, onPostgres: false);

public sealed class PostgresSendLogTests(PostgresServer postgres) : SendLogTests(postgres, onPostgres: true);
