using System.Net;
using System.Text.RegularExpressions;
using FluentAssertions;
using LowCodeErp.BrowserTests.Infrastructure;
using LowCodeErp.Studio.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LowCodeErp.BrowserTests;

/// <summary>How /studio serves the package and the host page, over HTTP (no browser needed).</summary>
public sealed partial class StudioHostingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Wasm_Should_BeServedAsApplicationWasm_BrotliWhenAccepted_And_PlainOtherwise()
    {
        await using var server = new StudioServer();
        using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = server.BaseAddress };
        var wasm = "_framework/" + Path.GetFileName(Directory.GetFiles(Path.Combine(StudioAssetsRoot(), "_framework"), "dotnet.native.*.wasm").Single());

        using var brotli = new HttpRequestMessage(HttpMethod.Get, "/studio/" + wasm);
        brotli.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, br");
        using var compressed = await client.SendAsync(brotli, Ct);
        using var plain = await client.GetAsync(new Uri("/studio/" + wasm, UriKind.Relative), Ct);
        var plainBytes = await plain.Content.ReadAsByteArrayAsync(Ct);

        compressed.StatusCode.Should().Be(HttpStatusCode.OK);
        compressed.Content.Headers.ContentType!.MediaType.Should().Be("application/wasm");
        compressed.Content.Headers.ContentEncoding.Should().Equal("br");
        compressed.Headers.Vary.Should().Contain("Accept-Encoding");
        compressed.Content.Headers.ContentLength.Should().BeLessThan(plainBytes.Length);
        plain.Content.Headers.ContentEncoding.Should().BeEmpty();
        plain.Content.Headers.ContentType!.MediaType.Should().Be("application/wasm");
        plainBytes.Should().Equal(await File.ReadAllBytesAsync(Path.Combine(StudioAssetsRoot(), wasm), Ct));
    }

    [Fact]
    public async Task GzipOnly_Should_GetTheGzipVariant_And_UnknownOrEscapingPaths_Are404()
    {
        await using var server = new StudioServer();
        using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = server.BaseAddress };
        using var gzip = new HttpRequestMessage(HttpMethod.Get, "/studio/_framework/blazor.webassembly.js");
        gzip.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip");

        using var response = await client.SendAsync(gzip, Ct);

        response.Content.Headers.ContentEncoding.Should().Equal("gzip");
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/javascript");
        (await client.GetAsync(new Uri("/studio/_framework/nope.js", UriKind.Relative), Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        // Three levels up from the package is LowCodeErp.Studio/package.json, which exists: the escape must be refused.
        (await client.GetAsync(new Uri("/studio/..%2F..%2F..%2Fpackage.json", UriKind.Relative), Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task HostPage_Should_PassTheApiAndTheSignedInUsersToken_And_NeverBeCached()
    {
        await using var server = new StudioServer(services =>
            services.Replace(ServiceDescriptor.Singleton<IStudioAccessTokenProvider>(new FixedToken("token-</script>-1"))));
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = server.BaseAddress };
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        using var toLogin = await anonymous.GetAsync(new Uri("/studio", UriKind.Relative), Ct);
        toLogin.StatusCode.Should().Be(HttpStatusCode.Redirect, "an anonymous visitor is sent to the login page");
        toLogin.Headers.Location!.ToString().Should().Contain("/account/login");
        await StudioServer.SignInAsync(client);

        foreach (var address in new[] { "/studio", "/studio/definitions/order-size-check", "/studio/instances", "/studio/instances/abc" })
        {
            using var response = await client.GetAsync(new Uri(address, UriKind.Relative), Ct);
            var html = await response.Content.ReadAsStringAsync(Ct);

            response.StatusCode.Should().Be(HttpStatusCode.OK, address);
            response.Headers.CacheControl!.NoStore.Should().BeTrue();
            html.Should().Contain("<base href=\"/studio/\" />").And.Contain("_framework/blazor.webassembly.js");
            ConfigJson().Match(html).Groups[1].Value.Should().Contain("\"apiPath\":\"/elsa/api\"")
                .And.Contain("\"accessToken\":\"token-\\u003C/script\\u003E-1\"", "the token is JSON-escaped so it cannot end the script element");
        }
    }

    private static string StudioAssetsRoot() =>
        Path.Combine(StudioServer.RepositoryRoot, "src", "Web", "LowCodeErp.Studio", "node_modules", "@elsa-workflows", "elsa-studio-wasm");

    [GeneratedRegex("<script type=\"application/json\" id=\"studio-config\">(.*?)</script>")]
    private static partial Regex ConfigJson();

    private sealed class FixedToken(string token) : IStudioAccessTokenProvider
    {
        public ValueTask<string?> GetAccessTokenAsync(HttpContext context) => ValueTask.FromResult<string?>(token);
    }
}
