using System.Net;
using CsvHelper;

namespace NonprofitPortal.Tests.Integration.Nonprofits;

/// <summary>Exports opened in a spreadsheet must not run formulas; runs on every provider (subclasses at the end).</summary>
public abstract class NonprofitCsvFormulaTests(IPortalHostFixture fixture)
{
    private const string Hyperlink = "=HYPERLINK(\"http://evil.example\",\"click\")";
    private PortalHost Host => fixture.Host;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Cells_a_spreadsheet_would_run_are_exported_behind_a_quote_and_import_back_unchanged()
    {
        using var admin = await Host.AdminClientAsync();
        var api = new NonprofitApi(admin);
        await api.CreateAsync(Hyperlink, "link@formula-test.org", "-5 Minus Road", "=sum(a1)");
        await api.CreateAsync("'=already quoted", "+grants@formula-test.org", "@ The Corner");
        await api.CreateAsync("'Quoted Plainly", "plain@formula-test.org", "1 Plain Road");

        var csv = await admin.GetStringAsync("/api/nonprofits/export?domain=formula-test.org", Cancel);
        var cells = await CellsAsync(csv);

        Assert.Equal(["'" + Hyperlink, "'-5 Minus Road", "link@formula-test.org", "'=sum(a1)"], cells["link@formula-test.org"]);
        Assert.Equal(["''=already quoted", "'@ The Corner", "'+grants@formula-test.org", ""], cells["'+grants@formula-test.org"]);
        Assert.Equal(["'Quoted Plainly", "1 Plain Road", "plain@formula-test.org", ""], cells["plain@formula-test.org"]);

        foreach (var nonprofit in (await api.ListAsync("?domain=formula-test.org")).Items)
        {
            await admin.DeleteAsync($"/api/nonprofits/{nonprofit.Id}", Cancel);
        }

        var (status, report, _) = await api.ImportAsync(csv);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(3, report!.Imported);
        var back = (await api.ListAsync("?domain=formula-test.org")).Items.ToDictionary(n => n.Email);
        Assert.Equal((Hyperlink, "-5 Minus Road"), (back["link@formula-test.org"].Name, back["link@formula-test.org"].Address));
        Assert.Equal(["=sum(a1)"], back["link@formula-test.org"].Tags);
        Assert.Equal(("'=already quoted", "@ The Corner"), (back["+grants@formula-test.org"].Name, back["+grants@formula-test.org"].Address));
        Assert.Equal("'Quoted Plainly", back["plain@formula-test.org"].Name);
    }

    /// <summary>The name, address, email and tags cells of each record, by the email cell as written.</summary>
    private static async Task<Dictionary<string, string[]>> CellsAsync(string csv)
    {
        await using var reader = CsvReader.Create(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), new CsvReaderOptions { HasHeader = true });
        await reader.ReadHeaderAsync(Cancel);
        var records = new Dictionary<string, string[]>();
        while (await reader.ReadAsync(Cancel))
        {
            var fields = Enumerable.Range(0, 4).Select(reader.GetString).ToArray();
            records[fields[2]] = fields;
        }

        return records;
    }
}

[Collection(SqliteHostCollection.Name)]
public sealed class SqliteNonprofitCsvFormulaTests(SqliteHost fixture) : NonprofitCsvFormulaTests(fixture);

[Collection(Postgres.PostgresHostCollection.Name)]
public sealed class PostgresNonprofitCsvFormulaTests(Postgres.PostgresHost fixture) : NonprofitCsvFormulaTests(fixture);
