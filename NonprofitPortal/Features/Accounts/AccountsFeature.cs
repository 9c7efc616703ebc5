using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Accounts.Identity;

namespace NonprofitPortal.Features.Accounts;

public static class AccountsFeature
{
    /// <summary>Cookies for the browser, bearer tokens for the API: chosen per request by the Authorization header.</summary>
    public const string CookieOrBearerScheme = "CookieOrBearer";

    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section);
        services.AddOptions<AccountsOptions>().BindConfiguration(AccountsOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // Keys in the database: cookies, antiforgery tokens and API bearer tokens work on every node.
        services.AddDataProtection().SetApplicationName("NonprofitPortal").PersistKeysToDbContext<AppDbContext>();

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieOrBearerScheme;
                options.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(CookieOrBearerScheme, null, options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || HubAccessToken(context.Request) is not null
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, options =>
            {
                options.BearerTokenExpiration = TimeSpan.FromHours(1);
                options.Events.OnMessageReceived = context =>
                {
                    context.Token ??= HubAccessToken(context.Request);
                    return context.HttpContext.RequestServices.GetRequiredService<BearerTokenValidator>().ValidateAsync(context);
                };
            })
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = SecurePolicy(builder.Environment);
            options.ExpireTimeSpan = TimeSpan.FromHours(12);
            options.SlidingExpiration = true;
            // Scripts calling the API or the hub with a cookie want a status code, not the sign-in page.
            options.Events.OnRedirectToLogin = context => StatusOrRedirect(context.HttpContext, context.RedirectUri, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => StatusOrRedirect(context.HttpContext, context.RedirectUri, StatusCodes.Status403Forbidden);
        });

        // SameAsRequest, not Always: antiforgery refuses to run on a plain-HTTP request when told Always.
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        // Role and permission changes, locks and password resets reach signed-in users within a minute:
        // browsers through the cookie's security-stamp check, scripts through BearerTokenValidator.
        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<IOptions<AccountsOptions>>((options, accounts) => options.ValidationInterval = accounts.Value.RevalidationInterval);

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        var authorization = services.AddAuthorizationBuilder();
        foreach (var permission in Permissions.All)
        {
            authorization.AddPolicy(permission.Name, policy => policy.RequireAuthenticatedUser().RequireClaim(Permissions.ClaimType, permission.Name));
        }

        services.AddSingleton<AuditLog>();
        services.AddSingleton<AccountEmails>();
        services.AddSingleton<IEmailSender<ApplicationUser>>(provider => provider.GetRequiredService<AccountEmails>());
        services.AddSingleton<UserPreferences>();
        services.AddSingleton<UserAdministration>();
        services.AddSingleton<RoleAdministration>();
        services.AddScoped<TokenIssuer>();
        services.AddSingleton<BearerTokenValidator>();
        services.AddHostedService<AccountSeeder>();
        return builder;
    }

    /// <summary>
    /// Browsers cannot set headers on WebSockets and server-sent events, so SignalR clients send
    /// the token in the query string. Taken from there for the hubs only: elsewhere a token in a URL is refused.
    /// </summary>
    private static string? HubAccessToken(HttpRequest request) =>
        request.Path.StartsWithSegments("/hubs") && request.Query["access_token"] is { Count: 1 } token && !string.IsNullOrEmpty(token[0])
            ? token[0]
            : null;

    /// <summary>The sign-in cookie is HTTPS-only outside Development; development runs on plain HTTP.</summary>
    private static CookieSecurePolicy SecurePolicy(IHostEnvironment environment) =>
        environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

    private static Task StatusOrRedirect(HttpContext context, string redirectUri, int statusCode)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs"))
        {
            context.Response.StatusCode = statusCode;
        }
        else
        {
            context.Response.Redirect(redirectUri);
        }

        return Task.CompletedTask;
    }
}
