using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Campaigns.Api;
using NonprofitPortal.Tests.Infrastructure;

namespace NonprofitPortal.Tests.Integration.Campaigns;

/// <summary>Launches and watches campaigns through the API, the way a script would.</summary>
public sealed class CampaignApi(HttpClient client)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public HttpClient Client => client;

    /// <summary>Sends <paramref name="subject"/> / <paramref name="body"/> to every nonprofit tagged <paramref name="tag"/>.</summary>
    public async Task<LaunchResponse> LaunchToTagAsync(string tag, string subject = "Hello {{ nonprofit.name }}", string body = "<p>Dear {{ nonprofit.name }},</p><p>News from {{ foundation.name }}.</p>", string[]? cc = null, string? idempotencyKey = null)
    {
        var (status, launched, problem) = await LaunchAsync(new { subject, body, recipients = new { filter = new { tag } }, cc = cc ?? [] }, idempotencyKey);
        Assert.True(status == HttpStatusCode.Accepted, $"Launch answered {status}: {problem}");
        return launched!;
    }

    /// <summary>Like <see cref="LaunchToTagAsync"/>, but to start at <paramref name="sendAt"/>.</summary>
    public async Task<LaunchResponse> ScheduleToTagAsync(string tag, DateTimeOffset sendAt)
    {
        var (status, launched, problem) = await LaunchAsync(new
        {
            subject = "Hello {{ nonprofit.name }}",
            body = "<p>Dear {{ nonprofit.name }},</p>",
            recipients = new { filter = new { tag } },
            sendAt = sendAt.ToString("O", CultureInfo.InvariantCulture),
        });
        Assert.True(status == HttpStatusCode.Accepted, $"Launch answered {status}: {problem}");
        return launched!;
    }

    public async Task<(HttpStatusCode Status, LaunchResponse? Launched, string Body)> LaunchAsync(object request, string? idempotencyKey = null)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/campaigns") { Content = JsonContent.Create(request) };
        if (idempotencyKey is not null)
        {
            message.Headers.Add(CampaignsEndpoints.IdempotencyHeader, idempotencyKey);
        }

        var response = await client.SendAsync(message, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        return (response.StatusCode, response.StatusCode == HttpStatusCode.Accepted ? JsonSerializer.Deserialize<LaunchResponse>(body, Json) : null, body);
    }

    public async Task<CampaignResponse> GetAsync(long id) =>
        (await client.GetFromJsonAsync<CampaignResponse>($"/api/campaigns/{id}", Json, Cancel))!;

    public async Task<FailuresResponse> FailuresAsync(long id) =>
        (await client.GetFromJsonAsync<FailuresResponse>($"/api/campaigns/{id}/failures", Json, Cancel))!;

    public async Task<HttpResponseMessage> SteerAsync(long id, string action) =>
        await client.PostAsync($"/api/campaigns/{id}/{action}", null, Cancel);

    public Task<CampaignResponse> WaitForAsync(long id, Func<CampaignResponse, bool> condition, string what, TimeSpan? timeout = null) =>
        Eventually.GetAsync(async () => await GetAsync(id) is var campaign && condition(campaign) ? campaign : null, $"campaign {id} {what}", timeout ?? TimeSpan.FromSeconds(30));

    public Task<CampaignResponse> WaitUntilFinishedAsync(long id, TimeSpan? timeout = null) =>
        WaitForAsync(id, c => c.Status is CampaignStatus.Completed or CampaignStatus.Cancelled, "to finish", timeout);

    /// <summary>Creates nonprofits tagged <paramref name="tag"/> in one CSV import; their emails are <c>{tag}-{i}@{tag}.example</c>.</summary>
    public async Task<IReadOnlyList<string>> ImportRecipientsAsync(string tag, int count)
    {
        var csv = new System.Text.StringBuilder("name,address,email,tags\n");
        var emails = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var email = $"{tag}-{i.ToString(CultureInfo.InvariantCulture)}@{tag}.example";
            emails.Add(email);
            csv.Append(CultureInfo.InvariantCulture, $"\"Nonprofit {tag} {i}\",\"{i} Main Street\",{email},{tag}\n");
        }

        var (status, report, body) = await new Nonprofits.NonprofitApi(client).ImportAsync(csv.ToString());
        Assert.True(status == HttpStatusCode.OK && report!.Imported == count, $"Import answered {status}: {body}");
        return emails;
    }
}
