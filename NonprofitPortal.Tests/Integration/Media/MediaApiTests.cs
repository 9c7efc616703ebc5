using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using NonprofitPortal.Features.Layouts;
using NonprofitPortal.Features.Media;
using NonprofitPortal.Features.Media.Api;
using NonprofitPortal.Features.TemplateLibrary;
using NonprofitPortal.Tests.Features.Media;
using NonprofitPortal.Tests.Integration.Nonprofits;

namespace NonprofitPortal.Tests.Integration.Media;

[Collection(SqliteHostCollection.Name)]
public sealed class MediaApiTests(SqliteHost fixture)
{
    private PortalHost Host => fixture.Host;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(MediaSamples.Png, "Foundation Logo.png", "image/png", "foundation-logo.png")]
    [InlineData(MediaSamples.Jpeg, "Site visit.JPG", "image/jpeg", "site-visit.jpg")]
    [InlineData(MediaSamples.Gif, "spacer.gif", "image/gif", "spacer.gif")]
    // Named as something else: the content decides its type and its extension.
    [InlineData(MediaSamples.WebP, "banner.png", "image/webp", "banner.webp")]
    public async Task An_uploaded_image_is_served_to_anyone_as_uploaded_with_long_lived_cache_headers_and_nosniff(string sample, string uploadedAs, string contentType, string keptAs)
    {
        using var admin = await Host.AdminClientAsync();
        var bytes = MediaSamples.Read(sample);

        var uploaded = await new MediaApi(admin).UploadAsync(uploadedAs, bytes);

        Assert.Equal((keptAs, contentType, (long)bytes.Length), (uploaded.Name, uploaded.ContentType, uploaded.Bytes));
        Assert.Equal(new Uri(Host.Server.BaseAddress, $"media/{uploaded.Id}/{keptAs}").AbsoluteUri, uploaded.Url);
        using var anonymous = Host.CreateClient();
        var response = await anonymous.GetAsync(new Uri(uploaded.Url).AbsolutePath, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.CacheControl is { Public: true, MaxAge.TotalDays: >= 365 }, $"Cache-Control: {response.Headers.CacheControl}");
        Assert.Contains("immutable", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.NotNull(response.Headers.ETag);
    }

    [Theory]
    [InlineData(MediaSamples.Svg, "image/svg+xml")]
    [InlineData(MediaSamples.PageNamedAsImage, "image/png")]
    public async Task An_svg_or_a_page_named_as_a_png_is_refused_and_not_kept(string sample, string claimedType)
    {
        using var admin = await Host.AdminClientAsync();
        var before = await admin.GetFromJsonAsync<List<MediaResponse>>("/api/media", Cancel);

        var response = await new MediaApi(admin).PostAsync(sample, MediaSamples.Read(sample), claimedType);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.StartsWith("Only PNG, JPEG, GIF and WebP images", problem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        var after = await admin.GetFromJsonAsync<List<MediaResponse>>("/api/media", Cancel);
        Assert.DoesNotContain(after!, file => before!.All(b => b.Id != file.Id) && file.Name.StartsWith(Path.GetFileNameWithoutExtension(sample), StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_image_over_two_megabytes_is_refused()
    {
        using var admin = await Host.AdminClientAsync();
        var png = MediaSamples.Read(MediaSamples.Png);
        // A real PNG with 2 MB of data after its end, which decoders ignore.
        var large = png.Concat(new byte[2 * 1024 * 1024]).ToArray();

        var response = await new MediaApi(admin).PostAsync("large.png", large);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("larger than 2 MB, the most an image may be (Media:MaxImageBytes)", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_is_served_only_under_its_own_name_and_the_library_finds_it_by_name()
    {
        using var admin = await Host.AdminClientAsync();
        var uploaded = await new MediaApi(admin).UploadAsync("Searchable Heron.png", MediaSamples.Read(MediaSamples.Png));
        using var anonymous = Host.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/media/{uploaded.Id}/other.png", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/media", Cancel)).StatusCode);
        var found = await admin.GetFromJsonAsync<List<MediaResponse>>("/api/media?search=HERON", Cancel);
        Assert.Equal([uploaded.Id], found!.Select(f => f.Id));
    }

    [Fact]
    public async Task A_viewer_may_list_the_library_but_not_upload()
    {
        await Host.CreateUserAsync("media-viewer@portal.test", "Viewer-Pass-1!", "Viewer");
        using var viewer = await Host.ClientWithTokenAsync("media-viewer@portal.test", "Viewer-Pass-1!");

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/media", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await new MediaApi(viewer).PostAsync("logo.png", MediaSamples.Read(MediaSamples.Png))).StatusCode);
    }

    [Fact]
    public async Task An_image_a_sent_campaign_shows_is_kept_and_one_only_a_draft_shows_can_be_deleted()
    {
        using var admin = await Host.AdminClientAsync();
        var media = new MediaApi(admin);
        var inCampaign = await media.UploadAsync("campaign-photo.jpg", MediaSamples.Read(MediaSamples.Jpeg));
        var inDraft = await media.UploadAsync("draft-photo.jpg", MediaSamples.Read(MediaSamples.Jpeg));
        var nonprofit = await new NonprofitApi(admin).CreateAsync("Kept Image Trust", "trust@kept-image.org");
        var launched = await admin.PostAsJsonAsync("/api/campaigns", new
        {
            subject = "Our visit",
            body = $"<p><img src=\"{inCampaign.Url}\" alt=\"The visit\"></p>",
            recipients = new { ids = new[] { nonprofit.Id } },
        }, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, launched.StatusCode);
        var draft = await admin.PostAsJsonAsync("/api/drafts", new
        {
            name = "With a photo",
            subjectTemplate = "Hello",
            bodyTemplate = $"<p><img src=\"{inDraft.Url}\" alt=\"A photo\"></p>",
            recipients = new { ids = new[] { nonprofit.Id } },
            cc = Array.Empty<string>(),
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);

        var refused = await admin.DeleteAsync($"/api/media/{inCampaign.Id}", Cancel);
        var deleted = await admin.DeleteAsync($"/api/media/{inDraft.Id}", Cancel);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("it is kept", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var anonymous = Host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(inCampaign.Url).AbsolutePath, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(inDraft.Url).AbsolutePath, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/media/{inDraft.Id}", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_template_that_shows_or_attaches_a_file_counts_as_using_it_and_deleting_the_file_drops_the_attachment()
    {
        using var admin = await Host.AdminClientAsync();
        var media = new MediaApi(admin);
        var shown = await media.UploadAsync("template-photo.jpg", MediaSamples.Read(MediaSamples.Jpeg));
        var attached = await media.UploadAsync("template-attached.jpg", MediaSamples.Read(MediaSamples.Jpeg));
        var templates = Host.Services.GetRequiredService<TemplateLibraryService>();
        var template = (await templates.CreateAsync(
            new TemplateInput("Uses two files", null, "Hello", $"<p><img src=\"{shown.Url}\" alt=\"A photo\"></p>", LayoutChoice.Default, [], [attached.Id]),
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, PortalHost.AdminEmail)], "test")), Cancel)).Value!;
        var usage = Host.Services.GetRequiredService<MediaService>();

        Assert.Equal(1, (await usage.UsageAsync(shown.Id, Cancel)).Templates);
        Assert.Equal(1, (await usage.UsageAsync(attached.Id, Cancel)).Templates);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/media/{attached.Id}", Cancel)).StatusCode);
        Assert.Empty((await templates.FindAsync(template.Id, Cancel))!.Attachments);
    }

    [Fact]
    public async Task With_file_system_storage_the_bytes_are_in_the_folder_and_served_the_same()
    {
        var folder = Directory.CreateTempSubdirectory("nonprofitportal-media-");
        try
        {
            await using var host = new PortalHost(new Dictionary<string, string?> { ["Media:Storage"] = "FileSystem", ["Media:Directory"] = folder.FullName });
            using var admin = await host.AdminClientAsync();
            var bytes = MediaSamples.Read(MediaSamples.Gif);

            var uploaded = await new MediaApi(admin).UploadAsync("dot.gif", bytes);

            Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(folder.FullName, uploaded.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), Cancel));
            using var anonymous = host.CreateClient();
            Assert.Equal(bytes, await anonymous.GetByteArrayAsync(new Uri(uploaded.Url).AbsolutePath, Cancel));
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/media/{uploaded.Id}", Cancel)).StatusCode);
            Assert.Empty(folder.GetFiles());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
