using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NonprofitPortal.Tests.EndToEnd.Pages;
using NonprofitPortal.Tests.Features.Media;
using NonprofitPortal.Tests.Infrastructure;
using NonprofitPortal.Tests.Integration;

namespace NonprofitPortal.Tests.EndToEnd;

[Collection(BrowserJourneyCollection.Name)]
public sealed class MediaJourneyTests(BrowserHost app, ChromiumBrowser browser)
{
    [Fact]
    public async Task Staff_upload_images_and_an_attachment_from_the_editor_see_the_image_in_the_preview_find_it_in_the_media_library_and_delete_it_there()
    {
        await using var browserSession = await SignedInBrowser.StartAsync(browser, app, PortalHost.AdminEmail, PortalHost.AdminPassword);
        var (page, shell) = (browserSession.Page, browserSession.Shell);
        var editor = await DraftEditorPage.OpenNewAsync(page, shell);
        await editor.Name.FillAsync("With the heron");
        await editor.Subject.FillAsync("A heron for {{ nonprofit.name }}");
        await editor.VisualBody.ClickAsync();
        await page.Keyboard.TypeAsync("Our new logo:");
        await editor.ToolbarButton("Image").ClickAsync();
        await editor.InsertUploadedImageAsync(MediaSamples.PathOf(MediaSamples.Png), "The foundation's heron logo");

        var inserted = editor.VisualBody.Locator("img");
        await Assertions.Expect(inserted).ToHaveAttributeAsync("alt", "The foundation's heron logo");
        var src = await inserted.GetAttributeAsync("src");
        Assert.Matches(new Regex($"^{Regex.Escape(app.BaseUrl)}media/[0-9]+/logo\\.png$"), src);
        await Assertions.Expect(editor.PreviewHtml).ToHaveAttributeAsync("srcdoc", new Regex(Regex.Escape($"src=\"{src}\"")));
        // Loaded in the sandboxed preview, from the anonymous address, as a recipient's mail client would.
        var previewImage = page.FrameLocator("[data-testid=preview-html]").Locator($"img[src=\"{src}\"]");
        await Assertions.Expect(previewImage).ToHaveJSPropertyAsync("naturalWidth", 48);

        await editor.DropFileAsync("Spacer Dot.gif", "image/gif", MediaSamples.Read(MediaSamples.Gif));
        var dropDialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dropDialog.GetByLabel("Image address")).ToHaveValueAsync(new Regex("/media/[0-9]+/spacer-dot\\.gif$"));
        await dropDialog.GetByLabel("Decorative only: it says nothing the text does not").CheckAsync();
        await dropDialog.GetByRole(AriaRole.Button, new() { Name = "Insert image" }).ClickAsync();
        await Assertions.Expect(editor.VisualBody.Locator("img")).ToHaveCountAsync(2);
        await Assertions.Expect(editor.VisualBody.Locator("img[src$='/spacer-dot.gif']")).ToHaveAttributeAsync("alt", "");

        await editor.DropFileAsync("notes.svg", "image/svg+xml", MediaSamples.Read(MediaSamples.Svg));
        await Assertions.Expect(dropDialog.GetByTestId("upload-problem")).ToContainTextAsync("SVG is refused");
        await dropDialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(editor.VisualBody.Locator("img")).ToHaveCountAsync(2);

        await page.GetByTestId("attachment-upload").Locator("input[type=file]").ChooseFilesAsync(MediaSamples.PathOf(MediaSamples.Pdf));
        await Assertions.Expect(page.GetByTestId("attachment")).ToContainTextAsync("guidelines.pdf");
        await editor.SaveWithShortcutAsync();
        await Assertions.Expect(editor.SaveStatus).ToContainTextAsync("Saved at");

        await shell.GoToAsync("Media", "Media");
        var media = new MediaPage(page);
        await media.Search.FillAsync("logo");
        // The search is debounced: a click before its re-render lands on a row the re-render replaces.
        await Assertions.Expect(media.Row("spacer-dot.gif")).ToHaveCountAsync(0);
        await Assertions.Expect(media.Row("logo.png").First).ToBeVisibleAsync();
        var dialog = await media.AskToDeleteAsync("logo.png");
        await Assertions.Expect(dialog).ToContainTextAsync("1 draft uses it");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Assertions.Expect(page.GetByText("“logo.png” was deleted.")).ToBeVisibleAsync();
        using var anonymous = new HttpClient();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await anonymous.GetAsync(src, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Empty(browserSession.Problems);
    }
}
