using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using NonprofitPortal.Features.Media.Api;

namespace NonprofitPortal.Tests.Integration.Media;

/// <summary>Calls the media API the way a script would.</summary>
public sealed class MediaApi(HttpClient client)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Posts <paramref name="content"/> as multipart/form-data in the field <c>file</c>.</summary>
    public async Task<HttpResponseMessage> PostAsync(string fileName, byte[] content, string claimedType = "image/png")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(claimedType);
        form.Add(file, "file", fileName);
        return await client.PostAsync("/api/media", form, Cancel);
    }

    public async Task<MediaResponse> UploadAsync(string fileName, byte[] content)
    {
        var response = await PostAsync(fileName, content);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<MediaResponse>(Cancel))!;
    }
}
