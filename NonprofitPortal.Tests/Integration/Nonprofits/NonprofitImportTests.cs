using System.Net;
using System.Text;
using NonprofitPortal.Features.Nonprofits.Import;

namespace NonprofitPortal.Tests.Integration.Nonprofits;

/// <summary>Runs on every provider: see the subclasses at the end of the file.</summary>
public abstract class NonprofitImportTests(IPortalHostFixture fixture)
{
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task Bad_rows_are_reported_by_the_line_they_start_on_and_good_rows_are_imported()
    {
        using var admin = await Host.AdminClientAsync();
        var api = new NonprofitApi(admin);
        var csv = string.Join("\n",
            "name,address,email,tags",
            "Good One,\"1 Road\nSecond line\",good1@lines-test.org,a;b",
            "",
            "Missing Email,2 Road,,",
            "\"Quoted, Comma\",3 Road,good2@lines-test.org,",
            "Bad Email,4 Road,not-an-email,",
            ",5 Road,noname@lines-test.org,");

        var (status, report, _) = await api.ImportAsync(csv);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, report!.Imported);
        Assert.Equal([5L, 7L, 8L], report.Errors.Select(e => e.Line));
        Assert.Contains("email is required", report.Errors[0].Message);
        Assert.Contains("not a valid email", report.Errors[1].Message);
        Assert.Contains("name is required", report.Errors[2].Message);
        Assert.Equal("Quoted, Comma", (await api.ListAsync("?search=good2")).Items.Single().Name);
        Assert.Equal("1 Road\nSecond line", (await api.ListAsync("?search=good1")).Items.Single().Address);
    }

    [Fact]
    public async Task A_byte_order_mark_is_ignored()
    {
        using var admin = await Host.AdminClientAsync();
        var api = new NonprofitApi(admin);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("name,address,email\r\nBom Org,Road,bom@bom-test.org\r\n")).ToArray();

        var (status, report, _) = await api.ImportAsync(bytes);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, report!.Imported);
        Assert.Empty(report.Errors);
    }

    [Fact]
    public async Task Existing_emails_are_skipped_by_default_and_updated_on_request_including_repeats_within_the_file()
    {
        using var admin = await Host.AdminClientAsync();
        var api = new NonprofitApi(admin);
        await api.CreateAsync("Old Name", "exists@existing-test.org");
        var csv = "name,address,email\nNew Name,New Road,EXISTS@existing-test.org\nFresh,Road,fresh@existing-test.org\nFresh Again,Road 2,fresh@existing-test.org\n";

        var (_, skipped, _) = await api.ImportAsync(csv, "skip");
        var (_, updated, _) = await api.ImportAsync(csv, "update");

        Assert.Equal((1, 0, 2), (skipped!.Imported, skipped.Updated, skipped.Skipped));
        Assert.Equal((0, 3, 0), (updated!.Imported, updated.Updated, updated.Skipped));
        Assert.Equal("New Name", (await api.ListAsync("?search=exists")).Items.Single().Name);
        Assert.Equal("Fresh Again", (await api.ListAsync("?search=fresh")).Items.Single().Name);
    }

    [Fact]
    public async Task A_file_without_the_header_is_refused_with_400_and_nothing_is_written()
    {
        using var admin = await Host.AdminClientAsync();
        var api = new NonprofitApi(admin);

        var (status, _, body) = await api.ImportAsync("Org,Road,noheader@header-test.org\n");
        var (emptyStatus, _, _) = await api.ImportAsync("");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("header", body);
        Assert.Equal(HttpStatusCode.BadRequest, emptyStatus);
        Assert.Empty((await api.ListAsync("?domain=header-test.org")).Items);
    }

    [Fact]
    public async Task An_unknown_existing_mode_is_refused_with_400()
    {
        using var admin = await Host.AdminClientAsync();

        var (status, _, _) = await new NonprofitApi(admin).ImportAsync("name,address,email\n", "merge");

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task A_file_over_a_megabyte_imports_every_record_and_accounts_for_each()
    {
        using var admin = await Host.AdminClientAsync();
        var api = new NonprofitApi(admin);
        var csv = new StringBuilder("name,address,email,tags\n");
        const int rows = 12_000;
        for (var i = 0; i < rows; i++)
        {
            csv.Append(i % 1000 == 999 ? $"Broken {i},Road,broken-{i},bulk\n" : $"\"Bulk Org {i}, Ltd\",\"{i} Long Street, Suite {i}, Springfield\",bulk{i}@bulk-test.org,bulk;big\n");
        }

        Assert.True(csv.Length > 1_000_000);

        var (status, report, _) = await api.ImportAsync(csv.ToString());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(rows - 12, report!.Imported);
        Assert.Equal(12, report.Errors.Count);
        Assert.Equal(rows, report.Imported + report.Updated + report.Skipped + report.Errors.Count);
        Assert.Equal(1001L, report.Errors[0].Line);
        Assert.Equal("Bulk Org 0, Ltd", Assert.Single((await api.ListAsync("?search=bulk0@bulk-test.org")).Items).Name);
    }

    [Fact]
    public async Task The_preview_counts_new_and_existing_rows_without_writing()
    {
        using var admin = await Host.AdminClientAsync();
        var api = new NonprofitApi(admin);
        await api.CreateAsync("Preview Existing", "existing@preview-test.org");
        var importer = Host.Services.GetRequiredService<NonprofitImporter>();
        var csv = "name,address,email\nA,Road,existing@preview-test.org\nB,Road,new@preview-test.org\nB again,Road,new@preview-test.org\nC,,c@preview-test.org\n";

        var preview = await importer.PreviewAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), TestContext.Current.CancellationToken);

        Assert.True(preview.Succeeded);
        Assert.Equal((4, 1, 2), (preview.Value!.Records, preview.Value.New, preview.Value.Existing));
        Assert.Equal([5L], preview.Value.Errors.Select(e => e.Line));
        Assert.Equal(3, preview.Value.FirstRows.Count);
        Assert.Single((await api.ListAsync("?domain=preview-test.org")).Items);
    }

    [Fact]
    public async Task The_preview_flags_erased_addresses_as_skipped_as_the_import_then_does()
    {
        using var admin = await Host.AdminClientAsync();
        var api = new NonprofitApi(admin);
        var subject = await api.CreateAsync("Preview Erased", "gone@erased-preview-test.org");
        await api.CreateAsync("Preview Kept", "kept@erased-preview-test.org");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/nonprofits/{subject.Id}/erase", null, TestContext.Current.CancellationToken)).StatusCode);
        var importer = Host.Services.GetRequiredService<NonprofitImporter>();
        var csv = "name,address,email\nA,Road,GONE@erased-preview-test.org\nB,Road,kept@erased-preview-test.org\nC,Road,new@erased-preview-test.org\n";

        var preview = (await importer.PreviewAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), TestContext.Current.CancellationToken)).Value!;
        var (_, report, _) = await api.ImportAsync(csv);

        Assert.Equal((3, 1, 1, 1), (preview.Records, preview.New, preview.Existing, preview.Erased));
        Assert.Equal([true, false, false], preview.FirstRows.Select(r => r.Erased));
        Assert.Equal((preview.New, preview.Existing), (report!.Imported, report.Skipped));
        Assert.Equal([2L], report.Errors.Select(e => e.Line));
    }

    [Fact]
    public async Task An_unterminated_quote_is_reported_at_its_line_and_earlier_rows_are_kept()
    {
        using var admin = await Host.AdminClientAsync();
        var api = new NonprofitApi(admin);

        var (status, report, _) = await api.ImportAsync("name,address,email\nKept,Road,kept@quote-test.org\n\"Broken,Road,broken@quote-test.org\nLost,Road,lost@quote-test.org\n");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, report!.Imported);
        Assert.Equal(3L, Assert.Single(report.Errors).Line);
    }
}

[Collection(SqliteHostCollection.Name)]
public sealed class SqliteNonprofitImportTests(SqliteHost fixture) : NonprofitImportTests(fixture);

[Collection(Postgres.PostgresHostCollection.Name)]
public sealed class PostgresNonprofitImportTests(Postgres.PostgresHost fixture) : NonprofitImportTests(fixture);
