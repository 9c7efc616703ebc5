using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Services;

namespace NonprofitPortal.Tests.Components;

/// <summary>A bUnit context with MudBlazor's services and the providers its popovers, dialogs and snackbars need.</summary>
public abstract class MudTestContext : BunitContext
{
    // bUnit's 1 s default is shorter than a debounced search against the real database takes
    // while the whole suite shares two cores; a passing wait still returns at the first good render.
    static MudTestContext() => DefaultWaitTimeout = TimeSpan.FromSeconds(10);

    protected MudTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    /// <summary>Renders the component beside the providers; the returned root's markup includes open dialogs and snackbars.</summary>
    protected IRenderedComponent<IComponent> RenderWithProviders<TComponent>()
        where TComponent : IComponent => RenderWithProviders(builder =>
        {
            builder.OpenComponent<TComponent>(0);
            builder.CloseComponent();
        });

    protected IRenderedComponent<IComponent> RenderWithProviders(RenderFragment content) => Render(builder =>
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<MudDialogProvider>(1);
        builder.CloseComponent();
        builder.OpenComponent<MudSnackbarProvider>(2);
        builder.CloseComponent();
        builder.AddContent(3, content);
    });
}
