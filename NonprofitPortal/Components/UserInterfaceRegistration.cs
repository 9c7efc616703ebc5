using MudBlazor.Services;

namespace NonprofitPortal.Components;

public static class UserInterfaceRegistration
{
    public static IHostApplicationBuilder AddUserInterface(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        return builder;
    }
}
