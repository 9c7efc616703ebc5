namespace NonprofitPortal.Features.Media.Storage;

/// <summary>Where uploaded files' bytes live, by the id of their <see cref="MediaFile"/>.</summary>
public interface IMediaStore
{
    Task SaveAsync(long id, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <returns>Null when nothing is stored under <paramref name="id"/>.</returns>
    Task<byte[]?> ReadAsync(long id, CancellationToken cancellationToken);

    Task DeleteAsync(long id, CancellationToken cancellationToken);
}
