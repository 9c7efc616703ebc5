using NonprofitPortal.Features.Drafts.History;
using NonprofitPortal.Features.Drafts.Templates;

namespace NonprofitPortal.Features.Drafts;

public static class DraftsFeature
{
    public static IHostApplicationBuilder AddDrafts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DraftRecipients>();
        builder.Services.AddSingleton<DraftService>();
        builder.Services.AddSingleton<DraftHistoryService>();
        builder.Services.AddSingleton<TemplateRenderer>();
        builder.Services.AddSingleton<DraftPreviewer>();
        return builder;
    }
}
