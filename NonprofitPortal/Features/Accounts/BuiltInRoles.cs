namespace NonprofitPortal.Features.Accounts;

/// <summary>The roles every installation has. Their permissions are fixed and re-applied at start-up.</summary>
public static class BuiltInRoles
{
    public const string Admin = "Admin";
    public const string Staff = "Staff";
    public const string Viewer = "Viewer";

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> PermissionsByRole { get; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
        {
            [Admin] = Permissions.All.Select(p => p.Name).ToList(),
            [Staff] =
            [
                Permissions.NonprofitsView, Permissions.NonprofitsEdit,
                Permissions.DraftsView, Permissions.DraftsEdit,
                Permissions.CampaignsView, Permissions.CampaignsSend,
            ],
            [Viewer] = [Permissions.NonprofitsView, Permissions.DraftsView, Permissions.CampaignsView],
        };

    public static bool IsBuiltIn(string roleName) => PermissionsByRole.ContainsKey(roleName);
}
