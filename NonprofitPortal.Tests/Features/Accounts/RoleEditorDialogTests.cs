using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Accounts.Pages;
using NonprofitPortal.Tests.Components;
using NonprofitPortal.Tests.Integration;

namespace NonprofitPortal.Tests.Features.Accounts;

[Collection(SqliteHostCollection.Name)]
public sealed class RoleEditorDialogTests : MudTestContext
{
    public RoleEditorDialogTests(SqliteHost fixture)
    {
        Services.AddSingleton(fixture.Host.Services.GetRequiredService<RoleAdministration>());
        AddAuthorization().SetAuthorized(PortalHost.AdminEmail).SetPolicies(Permissions.UsersManage);
    }

    [Fact]
    public async Task A_blank_name_is_refused_with_a_message()
    {
        var root = await OpenNewRoleDialogAsync();

        root.Find("form#role-form").Submit();

        root.WaitForAssertion(() => Assert.Contains("Give the role a name.", root.Markup));
    }

    [Fact]
    public async Task A_name_that_is_taken_shows_the_conflict_in_the_dialog()
    {
        var root = await OpenNewRoleDialogAsync();

        root.Find("form#role-form input").Input("Viewer");
        root.Find("form#role-form").Submit();

        root.WaitForAssertion(() => Assert.Contains("A role named Viewer already exists.", root.Find("[data-testid=role-error]").TextContent));
    }

    [Fact]
    public async Task Every_permission_is_offered_with_its_description()
    {
        var root = await OpenNewRoleDialogAsync();

        Assert.All(Permissions.All, permission => Assert.Contains(permission.Description, root.Markup));
    }

    private async Task<IRenderedComponent<IComponent>> OpenNewRoleDialogAsync()
    {
        var root = RenderWithProviders<Roles>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        await root.InvokeAsync(() => dialogs.ShowAsync<RoleEditorDialog>("New role"));
        root.WaitForElement("form#role-form");
        return root;
    }
}
