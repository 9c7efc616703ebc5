using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NonprofitPortal.Tests.Integration.Operations;

[Collection(SqliteHostCollection.Name)]
public sealed class ApiDocumentationTests(SqliteHost fixture)
{
    private static readonly string[] Methods = ["get", "post", "put", "delete", "patch"];

    private readonly PortalHost _host = fixture.Host;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_operation_has_a_summary_and_those_needing_a_token_declare_bearer_401_and_403_as_problem_details()
    {
        var operations = await OperationsAsync();

        Assert.True(operations.Count > 50, $"Only {operations.Count} operations are documented.");
        Assert.All(operations, operation =>
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)operation.Body["summary"]), $"{operation.Name} has no summary.");
            if (operation.Name != "POST /api/auth/token" && operation.Name.Contains(" /api/", StringComparison.Ordinal))
            {
                Assert.Equal("Bearer", operation.Body["security"]?[0]?.AsObject().Single().Key);
                Assert.NotNull(operation.Body["responses"]?["401"]?["content"]?["application/problem+json"]);
                Assert.NotNull(operation.Body["responses"]?["403"]?["content"]?["application/problem+json"]);
            }
        });
    }

    [Fact]
    public async Task The_document_describes_the_bearer_scheme_the_errors_and_shows_examples_of_requests_and_responses()
    {
        var document = JsonNode.Parse(await _host.CreateClient().GetStringAsync("/openapi/v1.json", Cancel))!;
        var createDraft = document["paths"]!["/api/drafts"]!["post"]!;
        var getDraft = document["paths"]!["/api/drafts/{id}"]!["get"]!;
        var token = document["paths"]!["/api/auth/token"]!["post"]!;

        Assert.Equal("bearer", (string?)document["components"]?["securitySchemes"]?["Bearer"]?["scheme"]);
        Assert.Equal("Spring grant round", (string?)createDraft["requestBody"]?["content"]?["application/json"]?["example"]?["name"]);
        Assert.NotNull(createDraft["responses"]?["400"]?["content"]?["application/problem+json"]?["example"]?["errors"]);
        Assert.Equal("Not found.", (string?)getDraft["responses"]?["404"]?["content"]?["application/problem+json"]?["example"]?["title"]);
        Assert.Null(token["security"]);
        Assert.Equal("staff@foundation.example", (string?)token["requestBody"]?["content"]?["application/json"]?["example"]?["email"]);
        Assert.NotNull(token["responses"]?["200"]?["content"]?["application/json"]?["example"]?["expiresAt"]);
        Assert.NotNull(token["responses"]?["429"]);
        Assert.Contains("`drafts.edit`", (string?)createDraft["responses"]?["403"]?["description"]);
    }

    [Fact]
    public async Task The_docs_page_is_served_anonymously_with_every_script_under_the_responses_policy_nonce()
    {
        using var client = _host.CreateClient(new() { AllowAutoRedirect = true });

        var response = await client.GetAsync("/api/docs/", Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var nonce = Regex.Match(response.Headers.GetValues("Content-Security-Policy").Single(), "'nonce-([^']+)'").Groups[1].Value;
        var scripts = Regex.Matches(html, "<script[^>]*>");
        Assert.NotEmpty(scripts);
        Assert.All(scripts, script => Assert.Contains($"nonce=\"{nonce}\"", script.Value, StringComparison.Ordinal));
        Assert.DoesNotContain("fonts.scalar.com", html, StringComparison.Ordinal);
        var scalar = await client.GetAsync("/api/docs/scalar.js", Cancel);
        Assert.Equal(HttpStatusCode.OK, scalar.StatusCode);
    }

    [Fact]
    public async Task Conflict_is_documented_only_where_an_endpoint_can_answer_it_with_when_it_does()
    {
        var conflicts = (await OperationsAsync())
            .Where(operation => operation.Body["responses"]?["409"] is not null)
            .ToDictionary(operation => operation.Name, operation => (string?)operation.Body["responses"]!["409"]!["description"]);

        Assert.Contains("If-Match", conflicts["PUT /api/drafts/{id}"], StringComparison.Ordinal);
        Assert.Contains("name", conflicts["POST /api/templates"], StringComparison.Ordinal);
        Assert.Contains("default", conflicts["DELETE /api/layouts/{id}"], StringComparison.Ordinal);
        Assert.DoesNotContain("DELETE /api/drafts/{id}", conflicts.Keys);
        Assert.DoesNotContain("PUT /api/webhooks/{id}", conflicts.Keys);
        Assert.DoesNotContain("POST /api/drafts/{id}/preview", conflicts.Keys);
        Assert.All(conflicts, conflict => Assert.False(string.IsNullOrWhiteSpace(conflict.Value), $"{conflict.Key} has 409 without saying when."));
    }

    private async Task<List<(string Name, JsonObject Body)>> OperationsAsync()
    {
        var document = JsonNode.Parse(await _host.CreateClient().GetStringAsync("/openapi/v1.json", Cancel))!;
        return document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject()
                .Where(operation => Methods.Contains(operation.Key))
                .Select(operation => ($"{operation.Key.ToUpperInvariant()} {path.Key}", operation.Value!.AsObject())))
            .ToList();
    }
}
