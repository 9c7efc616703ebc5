using MimeKit;

namespace NonprofitPortal.Features.Sending.Transport;

/// <summary>Writes each message as an .eml file; the file appears whole or not at all.</summary>
internal sealed class PickupConnection(string directory) : IMailConnection
{
    public async Task<Delivery> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var name = Guid.CreateVersion7().ToString("N");
        var temporary = Path.Combine(directory, name + ".tmp");
        try
        {
            Directory.CreateDirectory(directory);
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 16 * 1024, useAsync: true))
            {
                await message.WriteToAsync(file, cancellationToken);
            }

            File.Move(temporary, Path.Combine(directory, name + ".eml"));
        }
        catch (IOException exception)
        {
            throw new ServerUnavailableException($"Cannot write to the pickup folder {directory}: {exception.Message}", exception);
        }
        catch (UnauthorizedAccessException exception)
        {
            throw new ServerUnavailableException($"Cannot write to the pickup folder {directory}: {exception.Message}", exception);
        }

        return new Delivery.Accepted($"written as {name}.eml");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
