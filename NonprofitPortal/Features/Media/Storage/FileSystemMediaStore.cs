using Microsoft.Extensions.Options;

namespace NonprofitPortal.Features.Media.Storage;

/// <summary>
/// Files in a folder (<c>Media:Directory</c>), one per id; for deployments that keep the database
/// small. Several nodes need the folder shared between them.
/// </summary>
public sealed class FileSystemMediaStore(IOptions<MediaOptions> options, IHostEnvironment environment) : IMediaStore
{
    private readonly string _directory = Path.GetFullPath(options.Value.Directory, environment.ContentRootPath);

    public async Task SaveAsync(long id, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_directory);
        // Written aside and moved into place, so a reader never sees half a file.
        var partial = PathOf(id) + ".partial";
        await File.WriteAllBytesAsync(partial, content, cancellationToken);
        File.Move(partial, PathOf(id), overwrite: true);
    }

    public async Task<byte[]?> ReadAsync(long id, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllBytesAsync(PathOf(id), cancellationToken);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public Task DeleteAsync(long id, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(id));
        return Task.CompletedTask;
    }

    private string PathOf(long id) => Path.Combine(_directory, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
