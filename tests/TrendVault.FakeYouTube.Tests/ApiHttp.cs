using System.Net;
using System.Text.Json;

namespace TrendVault.FakeYouTube.Tests;

internal static class ApiHttp
{
    public const string Key = "test-key";

    public static async Task<(HttpStatusCode Status, JsonElement Body)> GetJsonAsync(this HttpClient http, Uri baseUrl, string relative)
    {
        using var response = await http.GetAsync(new Uri(baseUrl, relative));
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return (response.StatusCode, document.RootElement.Clone());
    }

    public static List<string> Ids(this JsonElement list) =>
        list.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString()!).ToList();

    public static JsonElement OnlyError(this JsonElement body) =>
        Assert.Single(body.GetProperty("error").GetProperty("errors").EnumerateArray());
}
