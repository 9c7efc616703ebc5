using Microsoft.Playwright;

namespace NonprofitPortal.Tests.EndToEnd.Pages;

public sealed class ImportPage(IPage page)
{
    public ILocator Summary => page.GetByTestId("import-summary");

    public ILocator Errors => page.GetByTestId("import-errors");

    public ILocator Report => page.GetByTestId("import-report");

    public async Task ChooseFileAsync(string fileName, string csv)
    {
        await page.Locator("#csv-file").ChooseFilesAsync(new FilePayload
        {
            Name = fileName,
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes(csv),
        });
        await Summary.WaitForAsync();
    }

    public async Task ImportAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).Filter(new() { HasText = "row(s)" }).ClickAsync();
        await Report.WaitForAsync();
    }
}
