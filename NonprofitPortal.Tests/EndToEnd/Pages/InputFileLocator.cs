using Microsoft.Playwright;

namespace NonprofitPortal.Tests.EndToEnd.Pages;

/// <summary>
/// Blazor's <c>InputFile</c> listens for the change only once its script has run on the element,
/// a round trip after the input appears: files chosen before then are lost, as a quick user's
/// would be. Choosing waits for that script's mark on the element first.
/// </summary>
public static class InputFileLocator
{
    public static async Task ChooseFilesAsync(this ILocator input, FilePayload file)
    {
        await WaitUntilListeningAsync(input);
        await input.SetInputFilesAsync(file);
    }

    public static async Task ChooseFilesAsync(this ILocator input, string path)
    {
        await WaitUntilListeningAsync(input);
        await input.SetInputFilesAsync(path);
    }

    private static async Task WaitUntilListeningAsync(ILocator input)
    {
        var element = await input.ElementHandleAsync();
        await input.Page.WaitForFunctionAsync("input => input._blazorInputFileNextFileId !== undefined", element);
    }
}
