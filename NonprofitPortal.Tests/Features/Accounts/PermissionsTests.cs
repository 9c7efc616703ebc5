using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Tests.Integration;

namespace NonprofitPortal.Tests.Features.Accounts;

[Collection(SqliteHostCollection.Name)]
public sealed class PermissionsTests(SqliteHost fixture)
{
    [Fact]
    public void Admin_has_every_permission_and_viewer_can_only_look()
    {
        Assert.Equal(Permissions.All.Select(p => p.Name), BuiltInRoles.PermissionsByRole[BuiltInRoles.Admin]);
        Assert.All(BuiltInRoles.PermissionsByRole[BuiltInRoles.Viewer], p => Assert.EndsWith(".view", p));
        Assert.DoesNotContain(Permissions.UsersManage, BuiltInRoles.PermissionsByRole[BuiltInRoles.Staff]);
    }

    [Fact]
    public void Every_permission_name_is_unique()
    {
        Assert.Equal(Permissions.All.Count, Permissions.All.Select(p => p.Name).Distinct().Count());
    }

    [Theory]
    [InlineData(Permissions.UsersManage, Permissions.UsersManage, true)]
    [InlineData(Permissions.AuditView, Permissions.UsersManage, false)]
    [InlineData(Permissions.NonprofitsView, Permissions.NonprofitsEdit, false)]
    public async Task A_policy_is_met_only_by_its_own_permission_claim(string held, string policy, bool allowed)
    {
        var authorization = fixture.Host.Services.GetRequiredService<IAuthorizationService>();
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "someone"), new Claim(Permissions.ClaimType, held)], "test"));

        var result = await authorization.AuthorizeAsync(user, policy);

        Assert.Equal(allowed, result.Succeeded);
    }

    [Fact]
    public async Task An_anonymous_user_meets_no_policy_even_with_the_claim()
    {
        var authorization = fixture.Host.Services.GetRequiredService<IAuthorizationService>();
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity([new Claim(Permissions.ClaimType, Permissions.UsersManage)]));

        Assert.False((await authorization.AuthorizeAsync(anonymous, Permissions.UsersManage)).Succeeded);
    }
}
