using Microsoft.AspNetCore.Components.Forms;

namespace NonprofitPortal.Features.Nonprofits.Import;

/// <summary>
/// A browser upload copied to a temporary file, so that it can be previewed and then imported
/// without holding it in memory or sending it twice. Deleted on dispose.
/// </summary>
public sealed class UploadedFile : IDisposable
{
    public const long MaxBytes = 200L * 1024 * 1024;

    private UploadedFile(string path, string name, long length)
    {
        Path = path;
        Name = name;
        Length = length;
    }

    public string Path { get; }

    public string Name { get; }

    public long Length { get; }

    public static async Task<UploadedFile> SaveAsync(IBrowserFile file, IProgress<long> progress, CancellationToken cancellationToken)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"nonprofitportal-import-{Guid.NewGuid():N}.csv");
        await using var source = file.OpenReadStream(MaxBytes, cancellationToken);
        await using var target = File.Create(path);
        var buffer = new byte[81920];
        long copied = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            copied += read;
            progress.Report(copied);
        }

        return new UploadedFile(path, file.Name, copied);
    }

    public Stream OpenRead() => File.OpenRead(Path);

    public void Dispose() => File.Delete(Path);
}
