using Microsoft.Playwright;

namespace NonprofitPortal.Tests.EndToEnd.Pages;

public sealed class MediaPage(IPage page)
{
    public ILocator Search => page.GetByLabel("Search by name or uploader");

    public ILocator Rows => page.GetByTestId("media-table").Locator("tbody tr");

    public ILocator Empty => page.GetByTestId("media-empty");

    public ILocator Row(string name) => Rows.Filter(new() { HasText = name });

    public async Task UploadAsync(string path) => await page.GetByTestId("image-upload").Locator("input[type=file]").ChooseFilesAsync(path);

    /// <summary>Asks to delete <paramref name="name"/> and returns the dialog that answers.</summary>
    public async Task<ILocator> AskToDeleteAsync(string name)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Delete {name}" }).ClickAsync();
        return page.GetByRole(AriaRole.Dialog);
    }
}
