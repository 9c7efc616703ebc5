namespace NonprofitPortal.Features.TemplateLibrary;

/// <summary>Adds the starter templates once the schema is up to date (the data layer's hosted service runs first).</summary>
internal sealed class StarterTemplateSeeder(TemplateLibraryService templates) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => templates.SeedStartersAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
