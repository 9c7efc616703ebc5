namespace NonprofitPortal.Features.Layouts;

/// <summary>Gives a new installation its default layout, once the schema is up to date (the data layer's hosted service runs first).</summary>
internal sealed class DefaultLayoutSeeder(LayoutService layouts) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => layouts.SeedDefaultAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
