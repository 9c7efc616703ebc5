using Bunit;
using NonprofitPortal.Features.Nonprofits;
using NonprofitPortal.Features.Nonprofits.Import;
using NonprofitPortal.Features.Nonprofits.Pages;
using NonprofitPortal.Tests.Components;

namespace NonprofitPortal.Tests.Features.Nonprofits.Import;

public sealed class ImportPreviewViewTests : MudTestContext
{
    [Fact]
    public void Erased_rows_have_their_own_count_and_are_marked_as_skipped()
    {
        PreviewRow Row(long line, string email, bool erased) => new(line, new NonprofitFields("Trust", "Road", email, []), erased);
        var preview = new ImportPreview(3, 1, 1, 1, [Row(2, "gone@view-test.org", erased: true), Row(3, "kept@view-test.org", erased: false), Row(4, "new@view-test.org", erased: false)], [], HasTags: false);

        var view = Render<ImportPreviewView>(p => p.Add(v => v.Preview, preview).Add(v => v.FileName, "trusts.csv"));

        Assert.Equal("1 erased earlier — will be skipped", view.Find("[data-testid=import-erased]").TextContent.Trim());
        var marked = Assert.Single(view.FindAll("tbody tr"), row => row.QuerySelector("[data-testid=erased-row]") is not null);
        Assert.Contains("gone@view-test.org", marked.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_is_said_about_erasures_when_no_row_was_erased()
    {
        var preview = new ImportPreview(1, 1, 0, 0, [new PreviewRow(2, new NonprofitFields("Trust", "Road", "new@view-test.org", []))], [], HasTags: true);

        var view = Render<ImportPreviewView>(p => p.Add(v => v.Preview, preview).Add(v => v.FileName, "trusts.csv"));

        Assert.Empty(view.FindAll("[data-testid=import-erased], [data-testid=erased-row]"));
    }
}
