using Microsoft.Extensions.Options;

namespace NonprofitPortal.Features.Media;

internal sealed class MediaOptionsValidator : IValidateOptions<MediaOptions>
{
    public ValidateOptionsResult Validate(string? name, MediaOptions options)
    {
        var failures = new List<string>();
        if (options.MaxImageBytes is < 1024 or > 50 * 1024 * 1024)
        {
            failures.Add($"Media:MaxImageBytes must be between 1024 and 52428800 (50 MB); it is {options.MaxImageBytes}.");
        }

        if (!Enum.IsDefined(options.Storage))
        {
            failures.Add($"Media:Storage must be Database or FileSystem; it is {options.Storage}.");
        }

        if (options.Storage == MediaStorage.FileSystem && string.IsNullOrWhiteSpace(options.Directory))
        {
            failures.Add("Media:Directory must name a folder when Media:Storage is FileSystem.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
