using System.Net;
using System.Net.Http.Json;
using System.Text;
using NonprofitPortal.Features.Nonprofits.Api;

namespace NonprofitPortal.Tests.Integration.Nonprofits;

/// <summary>Calls the nonprofits API the way a script would, for tests on any provider.</summary>
public sealed class NonprofitApi(HttpClient client)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public HttpClient Client => client;

    public async Task<NonprofitResponse> CreateAsync(string name, string email, string address = "1 Main Street, Springfield", params string[] tags)
    {
        var response = await client.PostAsJsonAsync("/api/nonprofits", new NonprofitRequest(name, address, email, tags, null), Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<NonprofitResponse>(Cancel))!;
    }

    public async Task<NonprofitPage> ListAsync(string query = "")
    {
        var response = await client.GetAsync($"/api/nonprofits{query}", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<NonprofitPage>(Cancel))!;
    }

    public async Task<(HttpStatusCode Status, ImportResponse? Report, string Body)> ImportAsync(string csv, string existing = "skip") =>
        await ImportAsync(Encoding.UTF8.GetBytes(csv), existing);

    public async Task<(HttpStatusCode Status, ImportResponse? Report, string Body)> ImportAsync(byte[] csv, string existing = "skip")
    {
        using var content = new ByteArrayContent(csv);
        content.Headers.ContentType = new("text/csv");
        var response = await client.PostAsync($"/api/nonprofits/import?existing={existing}", content, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        var report = response.StatusCode == HttpStatusCode.OK ? System.Text.Json.JsonSerializer.Deserialize<ImportResponse>(body, System.Text.Json.JsonSerializerOptions.Web) : null;
        return (response.StatusCode, report, body);
    }
}
