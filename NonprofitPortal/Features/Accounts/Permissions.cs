namespace NonprofitPortal.Features.Accounts;

/// <summary>
/// What a role may do. Each permission is stored as a role claim and is also the name of the
/// authorization policy that guards pages and endpoints.
/// </summary>
public static class Permissions
{
    public const string ClaimType = "permission";

    public const string NonprofitsView = "nonprofits.view";
    public const string NonprofitsEdit = "nonprofits.edit";
    public const string DraftsView = "drafts.view";
    public const string DraftsEdit = "drafts.edit";
    public const string CampaignsView = "campaigns.view";
    public const string CampaignsSend = "campaigns.send";
    public const string CampaignsApprove = "campaigns.approve";
    public const string LayoutsManage = "layouts.manage";
    public const string UsersManage = "users.manage";
    public const string AuditView = "audit.view";
    public const string WebhooksManage = "webhooks.manage";

    public static IReadOnlyList<PermissionInfo> All { get; } =
    [
        new(NonprofitsView, "View nonprofits", "See the directory and export it."),
        new(NonprofitsEdit, "Edit nonprofits", "Add, edit, import, archive and opt out nonprofits."),
        new(DraftsView, "View drafts", "Open drafts and their previews."),
        new(DraftsEdit, "Edit drafts", "Write, duplicate and delete drafts; send tests to oneself."),
        new(CampaignsView, "View campaigns", "Watch campaigns and their progress."),
        new(CampaignsSend, "Send campaigns", "Send drafts; pause, resume, cancel and retry campaigns."),
        new(CampaignsApprove, "Approve campaigns", "Approve or reject others' campaigns when approval before sending is required (Campaigns:RequireApproval); one's own launches need no approval."),
        new(LayoutsManage, "Manage email layouts", "Create, edit and delete the layouts around emails; choose the default one."),
        new(UsersManage, "Manage users and roles", "Create users, assign roles, compose custom roles."),
        new(AuditView, "View the audit log", "See who did what."),
        new(WebhooksManage, "Manage webhooks", "Register the endpoints that receive the portal's events, and see their deliveries."),
    ];

    public static bool IsKnown(string permission) => All.Any(p => p.Name == permission);
}
