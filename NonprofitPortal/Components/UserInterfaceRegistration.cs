using MudBlazor.Services;

namespace NonprofitPortal.Components;

public static class UserInterfaceRegistration
{
    public static IHostApplicationBuilder AddUserInterface(this IHostApplicationBuilder builder)
    {
        // The body editor sends the whole body to the server after each pause in typing: a draft's
        // body may be 256 KB (DraftRules), past the circuit's default limit of 32 KB a message.
        builder.Services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = 1024 * 1024);
        builder.Services.AddMudServices();
        return builder;
    }
}
