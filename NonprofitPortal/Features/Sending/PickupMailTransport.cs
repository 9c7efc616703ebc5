using Microsoft.Extensions.Options;
using MimeKit;

namespace NonprofitPortal.Features.Sending;

/// <summary>Writes each message as an .eml file; the file appears whole or not at all.</summary>
internal sealed class PickupMailTransport(IOptions<MailOptions> options, IHostEnvironment environment, TimeProvider time) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(options.Value.PickupDirectory, environment.ContentRootPath);
        Directory.CreateDirectory(directory);
        var name = $"{time.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}";
        var temporary = Path.Combine(directory, name + ".tmp");
        await using (var file = File.Create(temporary))
        {
            await message.WriteToAsync(file, cancellationToken);
        }

        File.Move(temporary, Path.Combine(directory, name + ".eml"));
    }
}
