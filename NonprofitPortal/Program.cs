using NonprofitPortal.Components;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Bounces;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Campaigns.Unsubscribe;
using NonprofitPortal.Features.Campaigns.WebVersion;
using NonprofitPortal.Features.Drafts;
using NonprofitPortal.Features.Layouts;
using NonprofitPortal.Features.Media;
using NonprofitPortal.Features.Nonprofits;
using NonprofitPortal.Features.Operations;
using NonprofitPortal.Features.Sending;
using NonprofitPortal.Features.TemplateLibrary;
using NonprofitPortal.Features.Tracking;
using NonprofitPortal.Features.Webhooks;

var builder = WebApplication.CreateBuilder(args);

builder.AddData();
builder.AddOperations();
builder.AddSending();
builder.AddAccounts();
builder.AddNonprofits();
builder.AddDrafts();
builder.AddLayouts();
builder.AddMedia();
builder.AddTemplateLibrary();
builder.AddCampaigns();
builder.AddBounces();
builder.AddTracking();
builder.AddWebhooks();
builder.AddUserInterface();

var app = builder.Build();

app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    // Behind a proxy that ends TLS, set ASPNETCORE_FORWARDEDHEADERS_ENABLED=true (see README).
    app.UseHsts();
    app.UseHttpsRedirection();
}

app.UseExceptionHandler("/Error", createScopeForErrors: true);
app.UseWhen(
    context => context.Request.Path.StartsWithSegments("/api"),
    api => api.UseStatusCodePages());
app.UseWhen(
    context => !context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/hubs"),
    pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));

app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapOperationsEndpoints();
app.MapAccountsEndpoints();
app.MapNonprofitsEndpoints();
app.MapDraftsEndpoints();
app.MapLayoutsEndpoints();
app.MapMediaEndpoints();
app.MapTemplateLibraryEndpoints();
app.MapCampaignsEndpoints();
app.MapUnsubscribeEndpoints();
app.MapTrackingEndpoints();
app.MapBouncesEndpoints();
app.MapWebVersionEndpoints();
app.MapSendingEndpoints();
app.MapWebhooksEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

public partial class Program;
