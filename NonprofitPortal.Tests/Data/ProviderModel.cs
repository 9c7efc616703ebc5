using Microsoft.AspNetCore.Builder;
using NonprofitPortal.Components;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Bounces;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Drafts;
using NonprofitPortal.Features.Layouts;
using NonprofitPortal.Features.Media;
using NonprofitPortal.Features.Nonprofits;
using NonprofitPortal.Features.Operations;
using NonprofitPortal.Features.Sending;
using NonprofitPortal.Features.Tracking;
using NonprofitPortal.Features.Webhooks;

namespace NonprofitPortal.Tests.Data;

/// <summary>
/// The app's registrations for one provider, built but not started: enough to create contexts,
/// compare models and print SQL without a database server.
/// </summary>
public sealed class ProviderModel : IDisposable
{
    private readonly WebApplication _app;
    private readonly IServiceScope _scope;

    public ProviderModel(string provider, string connectionString)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration["Database:Provider"] = provider;
        builder.Configuration["ConnectionStrings:Default"] = connectionString;
        builder.AddData();
        builder.AddOperations();
        builder.AddSending();
        builder.AddMedia();
        builder.AddAccounts();
        builder.AddNonprofits();
        builder.AddDrafts();
        builder.AddLayouts();
        builder.AddCampaigns();
        builder.AddBounces();
        builder.AddTracking();
        builder.AddWebhooks();
        builder.AddUserInterface();
        _app = builder.Build();
        _scope = _app.Services.CreateScope();
    }

    public static ProviderModel Sqlite() => new("Sqlite", "Data Source=:memory:");

    public static ProviderModel SqlServer() => new("SqlServer", "Server=unused;Database=unused");

    public static ProviderModel Postgres() => new("PostgreSQL", "Host=unused;Database=unused");

    public AppDbContext Db => _scope.ServiceProvider.GetRequiredService<AppDbContext>();

    public T Get<T>()
        where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public void Dispose()
    {
        _scope.Dispose();
        ((IDisposable)_app).Dispose();
    }
}
