using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Campaigns.Api;
using NonprofitPortal.Features.Campaigns.Approval;
using NonprofitPortal.Features.Campaigns.Progress;
using NonprofitPortal.Features.Campaigns.Reports;
using NonprofitPortal.Features.Campaigns.Sends;
using NonprofitPortal.Features.Drafts;
using NonprofitPortal.Features.Layouts;
using NonprofitPortal.Features.Nonprofits;
using NonprofitPortal.Features.Operations.ApiDocs;
using NonprofitPortal.Features.Tracking;

namespace NonprofitPortal.Features.Campaigns;

public static class CampaignsEndpoints
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static IEndpointRouteBuilder MapCampaignsEndpoints(this IEndpointRouteBuilder app)
    {
        var campaigns = app.MapGroup("/api/campaigns").WithTags("Campaigns").RequireAuthorization(Permissions.CampaignsView);
        campaigns.MapGet("/", List).WithName("ListCampaigns")
            .WithSummary("List campaigns").WithDescription("Newest first, with their counters.");
        campaigns.MapGet("/{id:long}", Get).WithName("GetCampaign")
            .WithSummary("Get a campaign").WithDescription("Status, counters (sent, failed, pending, bounced, complained), times and the current rate.");
        campaigns.MapGet("/{id:long}/failures", Failures).WithName("ListCampaignFailures")
            .WithSummary("List a campaign's failed sends").WithDescription("Each failed recipient with the server's last reply.");
        campaigns.MapGet("/{id:long}/sends", Sends).WithName("ListCampaignSends")
            .WithSummary("List a campaign's recipients (the per-recipient log)").WithDescription("Search a whole email (with `@`) or words that start words of the name or email, filter by status; keyset paging: pass `nextCursor` back as `cursor`.");
        campaigns.MapGet("/{id:long}/sends/export", ExportSends).WithName("ExportCampaignSends")
            .WithSummary("Export the per-recipient log as CSV");
        campaigns.MapGet("/{id:long}/report", Report).WithName("GetCampaignReport")
            .WithSummary("Get a campaign's report").WithDescription("Delivered, bounced, complained, unsubscribed, opens and clicks (unique and total), an hourly timeline and the links table.");
        campaigns.MapGet("/{id:long}/report/export", ExportReport).WithName("ExportCampaignReport")
            .WithSummary("Export a campaign's report as CSV");
        campaigns.MapPost("/", Launch).WithName("LaunchCampaign")
            .WithSummary("Send a one-shot campaign").WithDescription("Freezes the subject and body and queues one send per recipient. An `Idempotency-Key` header makes a repeated POST return the first campaign.").RequireAuthorization(Permissions.CampaignsSend);
        campaigns.MapPost("/{id:long}/pause", (long id, CampaignService service, ClaimsPrincipal user, CancellationToken ct) => Steer(id, service, service.PauseAsync(id, user, ct), ct))
            .WithName("PauseCampaign").Conflicts("The campaign is neither queued nor sending (it is scheduled, paused, awaiting approval or over).")
                .WithSummary("Pause a sending campaign").WithDescription("Sends already on the wire finish; nothing new starts until it is resumed.").RequireAuthorization(Permissions.CampaignsSend);
        campaigns.MapPost("/{id:long}/resume", (long id, CampaignService service, ClaimsPrincipal user, CancellationToken ct) => Steer(id, service, service.ResumeAsync(id, user, ct), ct))
            .WithName("ResumeCampaign").Conflicts("The campaign is not paused.")
                .WithSummary("Resume a paused campaign").RequireAuthorization(Permissions.CampaignsSend);
        campaigns.MapPost("/{id:long}/cancel", (long id, CampaignService service, ClaimsPrincipal user, CancellationToken ct) => Steer(id, service, service.CancelAsync(id, user, ct), ct))
            .WithName("CancelCampaign").Conflicts("The campaign is over: completed, cancelled or rejected.")
                .WithSummary("Cancel a campaign").WithDescription("Pending sends are cancelled; what was sent stays sent.").RequireAuthorization(Permissions.CampaignsSend);
        campaigns.MapPost("/{id:long}/retry-failed", RetryFailed).WithName("RetryFailedSends").Conflicts("The campaign has no failed sends, or it was cancelled.")
            .WithSummary("Retry a campaign's failed sends").WithDescription("Failed sends are queued again (suppressed and opted-out recipients are not).").RequireAuthorization(Permissions.CampaignsSend);
        campaigns.MapPost("/{id:long}/approve", (long id, CampaignService service, CampaignApprovals approvals, ClaimsPrincipal user, CancellationToken ct) =>
                Steer(id, service, Untyped(approvals.ApproveAsync(id, user, ct)), ct))
            .WithName("ApproveCampaign").Conflicts("The campaign is not awaiting approval, or it is the approver's own.")
                .WithSummary("Approve a campaign awaiting approval").WithDescription("It starts, or waits for its scheduled time. Needs `campaigns.approve`; nobody approves their own campaign (409).").RequireAuthorization(Permissions.CampaignsApprove);
        campaigns.MapPost("/{id:long}/reject", (long id, RejectRequest request, CampaignService service, CampaignApprovals approvals, ClaimsPrincipal user, CancellationToken ct) =>
                Steer(id, service, approvals.RejectAsync(id, request.Reason, user, ct), ct))
            .WithName("RejectCampaign").Conflicts("The campaign is not awaiting approval, or it is the reviewer's own.")
                .WithSummary("Reject a campaign awaiting approval").WithDescription("With a `reason` the sender sees; its pending sends are removed. Nobody rejects their own campaign (409).").RequireAuthorization(Permissions.CampaignsApprove);
        app.MapHub<CampaignsHub>(CampaignsHub.Path);
        return app;
    }

    /// <summary>The answer to a launch, from the draft endpoint or a one-shot send: 202, the work goes on in the background.</summary>
    public static Results<Accepted<LaunchResponse>, ProblemHttpResult> Accepted(OperationResult<LaunchedCampaign> launched) =>
        launched.Value is { } campaign
            ? TypedResults.Accepted($"/api/campaigns/{campaign.Id}", new LaunchResponse(campaign.Id, campaign.Status, campaign.Total, campaign.ScheduledAt))
            : ProblemResults.From(launched);

    private static async Task<Ok<CampaignListResponse>> List(
        CampaignService service, CampaignStatus? status, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var result = await service.ListAsync(status, Math.Max(0, page ?? 0), Math.Clamp(pageSize ?? 50, 1, 500), cancellationToken);
        return TypedResults.Ok(new CampaignListResponse(result.Items.Select(CampaignResponse.From).ToList(), result.TotalCount));
    }

    private static async Task<Results<Ok<CampaignResponse>, ProblemHttpResult>> Get(long id, CampaignService service, CancellationToken cancellationToken) =>
        await service.FindAsync(id, cancellationToken) is { } campaign
            ? TypedResults.Ok(CampaignResponse.From(campaign))
            : ProblemResults.From(OperationResult.NotFound("That campaign does not exist."));

    private static async Task<Ok<FailuresResponse>> Failures(long id, CampaignService service, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var result = await service.FailuresAsync(id, Math.Max(0, page ?? 0), Math.Clamp(pageSize ?? 100, 1, 1000), cancellationToken);
        return TypedResults.Ok(new FailuresResponse(result.Items, result.TotalCount));
    }

    private static async Task<Results<Ok<SendsResponse>, ProblemHttpResult>> Sends(
        long id, string? search, string? status, string? cursor, int? limit, CampaignService campaigns, SendLog log, CancellationToken cancellationToken)
    {
        if (!SendLogFilter.TryParseStatus(status, out var only))
        {
            return InvalidStatus();
        }

        if (!SendLogCursor.TryParse(cursor, out var after))
        {
            return ProblemResults.Invalid("cursor", "Not a cursor this list handed out: pass nextCursor from the previous page, or nothing for the first.");
        }

        if (await campaigns.ProgressAsync(id, cancellationToken) is null)
        {
            return ProblemResults.From(OperationResult.NotFound("That campaign does not exist."));
        }

        var page = await log.PageAsync(id, new SendLogFilter(search, only), after, Math.Clamp(limit ?? SendLog.DefaultLimit, 1, SendLog.MaxLimit), cancellationToken);
        return TypedResults.Ok(new SendsResponse(page.Items, page.NextCursor));
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> ExportSends(
        long id, string? search, string? status, CampaignService campaigns, SendLogCsvExport export, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        if (!SendLogFilter.TryParseStatus(status, out var only))
        {
            return InvalidStatus();
        }

        if (await campaigns.ProgressAsync(id, cancellationToken) is null)
        {
            return ProblemResults.From(OperationResult.NotFound("That campaign does not exist."));
        }

        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"campaign-{id}-recipients-{time.GetUtcNow():yyyyMMdd-HHmm}.csv\"";
        await export.WriteAsync(http.Response.Body, id, new SendLogFilter(search, only), cancellationToken);
        return TypedResults.Empty;
    }

    private static async Task<Results<Ok<ReportResponse>, ProblemHttpResult>> Report(long id, CampaignReports reports, CancellationToken cancellationToken) =>
        await reports.FindAsync(id, cancellationToken) is { } report
            ? TypedResults.Ok(ReportResponse.From(report))
            : ProblemResults.From(OperationResult.NotFound("That campaign does not exist."));

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> ExportReport(
        long id, CampaignReports reports, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        if (await reports.FindAsync(id, cancellationToken) is not { } report)
        {
            return ProblemResults.From(OperationResult.NotFound("That campaign does not exist."));
        }

        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"campaign-{id}-report-{time.GetUtcNow():yyyyMMdd-HHmm}.csv\"";
        await CampaignReportCsvExport.WriteAsync(http.Response.Body, report, cancellationToken);
        return TypedResults.Empty;
    }

    private static ProblemHttpResult InvalidStatus() =>
        ProblemResults.Invalid("status", $"One of {string.Join(", ", Enum.GetNames<SendStatus>().Select(n => n.ToLowerInvariant()))}, or nothing for every recipient.");

    private static async Task<Results<Accepted<LaunchResponse>, ProblemHttpResult>> Launch(
        CampaignRequest request,
        [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey,
        CampaignLauncher launcher,
        NonprofitDirectory directory,
        IOptions<TrackingOptions> tracking,
        ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (!SendAt.TryParse(request.SendAt, out var sendAt))
        {
            return ProblemResults.Invalid("sendAt", SendAt.Format);
        }

        var recipients = request.Recipients;
        var ids = (recipients?.Ids ?? []).ToList();
        if (recipients?.Emails is { Count: > 0 } emails)
        {
            if (emails.Count > DraftRules.MaxChosenRecipients)
            {
                return ProblemResults.Invalid("recipients.emails", $"At most {DraftRules.MaxChosenRecipients:N0} emails; use a filter for more.");
            }

            var known = await directory.IdsByEmailAsync(emails, cancellationToken);
            var unknown = emails.Where(e => !known.ContainsKey(NonprofitRules.NormalizeEmail(e))).ToList();
            if (unknown.Count > 0)
            {
                return ProblemResults.Invalid("recipients.emails", $"No nonprofit has {(unknown.Count == 1 ? "this email" : "these emails")}: {string.Join(", ", unknown.Take(20))}{(unknown.Count > 20 ? ", ..." : "")}.");
            }

            ids.AddRange(known.Values);
        }

        var selection = new RecipientSelection(
            recipients?.All ?? false,
            ids.Distinct().ToList(),
            new DirectoryFilter(recipients?.Filter?.Search, recipients?.Filter?.Domain, recipients?.Filter?.Tag));
        var subject = request.Subject ?? "";
        var name = string.IsNullOrWhiteSpace(request.Name) ? subject.Trim() : request.Name;
        var input = new CampaignInput(name.Length > DraftRules.MaxNameLength ? name[..DraftRules.MaxNameLength] : name, null, subject, request.Body ?? "", selection, request.Cc ?? [])
        {
            SendAt = sendAt,
            // Integrations that send their own HTML keep getting exactly it: a layout only when asked for.
            Layout = new LayoutChoice(request.LayoutId, request.UseLayout ?? request.LayoutId is not null),
            Tracking = request.Tracking?.Over(tracking.Value.Default),
        };
        return Accepted(await launcher.LaunchAsync(input, user, idempotencyKey, cancellationToken));
    }

    private static async Task<Results<Ok<RetryResponse>, ProblemHttpResult>> RetryFailed(long id, CampaignService service, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var retried = await service.RetryFailedAsync(id, user, cancellationToken);
        return retried.Succeeded ? TypedResults.Ok(new RetryResponse(retried.Value)) : ProblemResults.From(retried);
    }

    private static async Task<OperationResult> Untyped<T>(Task<OperationResult<T>> change) => await change;

    private static async Task<Results<Ok<CampaignResponse>, ProblemHttpResult>> Steer(
        long id, CampaignService service, Task<OperationResult> change, CancellationToken cancellationToken)
    {
        var changed = await change;
        if (!changed.Succeeded)
        {
            return ProblemResults.From(changed);
        }

        return TypedResults.Ok(CampaignResponse.From((await service.FindAsync(id, cancellationToken))!));
    }
}
