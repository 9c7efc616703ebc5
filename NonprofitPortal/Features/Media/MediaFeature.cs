using Microsoft.Extensions.Options;
using NonprofitPortal.Features.Media.Storage;

namespace NonprofitPortal.Features.Media;

public static class MediaFeature
{
    public static IHostApplicationBuilder AddMedia(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MediaOptions>, MediaOptionsValidator>();
        services.AddSingleton<DatabaseMediaStore>();
        services.AddSingleton<FileSystemMediaStore>();
        services.AddSingleton<IMediaStore>(provider => provider.GetRequiredService<IOptions<MediaOptions>>().Value.Storage == MediaStorage.FileSystem
            ? provider.GetRequiredService<FileSystemMediaStore>()
            : provider.GetRequiredService<DatabaseMediaStore>());
        services.AddSingleton<MediaService>();
        return builder;
    }
}
