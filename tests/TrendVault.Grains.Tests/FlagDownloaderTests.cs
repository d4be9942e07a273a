using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TrendVault.Grains.Catalog;

namespace TrendVault.Grains.Tests;

/// <summary>
/// Flags are served from the dashboard's origin, so the silo keeps only a small SVG or PNG from the
/// configured host; each refusal leaves no file behind. A real HTTP server answers over loopback.
/// </summary>
public sealed class FlagDownloaderTests : IDisposable
{
    private const string Svg = """<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="30" height="20"><rect width="30" height="20" fill="red"/></svg>""";
    private readonly string _staticRoot = Directory.CreateTempSubdirectory("flags-").FullName;
    private readonly FlagServer _server = new();

    [Fact]
    public async Task An_svg_flag_is_stored_under_the_static_root()
    {
        _server.Answer("/us.svg", Encoding.UTF8.GetBytes(Svg));

        var path = await DownloadAsync("us", "/{code}.svg");

        Assert.Equal("flags/us.svg", path);
        Assert.Equal(Svg, await File.ReadAllTextAsync(Path.Combine(_staticRoot, "flags", "us.svg")));
    }

    [Fact]
    public async Task A_png_flag_must_carry_the_png_signature()
    {
        _server.Answer("/good.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]);
        _server.Answer("/bad.png", Encoding.UTF8.GetBytes("GIF89a"));

        Assert.Equal("flags/good.png", await DownloadAsync("good", "/{code}.png"));
        Assert.Null(await DownloadAsync("bad", "/{code}.png"));
        Assert.False(File.Exists(Path.Combine(_staticRoot, "flags", "bad.png")));
    }

    [Fact]
    public async Task An_html_page_or_script_served_as_a_flag_is_refused()
    {
        _server.Answer("/xx.svg", Encoding.UTF8.GetBytes("<html><body><script>alert(1)</script><svg></svg></body></html>"));

        Assert.Null(await DownloadAsync("xx", "/{code}.svg"));
        Assert.False(Directory.Exists(Path.Combine(_staticRoot, "flags")));
    }

    [Fact]
    public async Task A_flag_larger_than_the_cap_is_refused()
    {
        _server.Answer("/big.svg", Encoding.UTF8.GetBytes(Svg + new string(' ', 2048)));

        Assert.Null(await DownloadAsync("big", "/{code}.svg", maxBytes: 1024));
        Assert.False(Directory.Exists(Path.Combine(_staticRoot, "flags")));
    }

    [Fact]
    public async Task A_redirect_on_the_same_host_is_followed_and_one_to_another_host_is_not()
    {
        _server.Answer("/moved/gb.svg", Encoding.UTF8.GetBytes(Svg));
        _server.Redirect("/gb.svg", "/moved/gb.svg");
        // localhost and 127.0.0.1 reach the same server but are different hosts.
        _server.Redirect("/de.svg", $"http://localhost:{_server.Port}/moved/gb.svg");

        Assert.Equal("flags/gb.svg", await DownloadAsync("gb", "/{code}.svg"));
        Assert.Null(await DownloadAsync("de", "/{code}.svg"));
        Assert.False(File.Exists(Path.Combine(_staticRoot, "flags", "de.svg")));
    }

    public void Dispose()
    {
        _server.Dispose();
        Directory.Delete(_staticRoot, recursive: true);
    }

    private async Task<string?> DownloadAsync(string code, string pathTemplate, int maxBytes = 256 * 1024)
    {
        var options = Options.Create(new CatalogOptions
        {
            FlagUrlTemplate = $"http://127.0.0.1:{_server.Port}{pathTemplate}",
            StaticRoot = _staticRoot,
            FlagMaxBytes = maxBytes,
        });
        using var downloader = new FlagDownloader(options, NullLogger<FlagDownloader>.Instance);
        return await downloader.EnsureFlagAsync(code, CancellationToken.None);
    }

    /// <summary>Answers GETs from a table of paths: content, or a redirect.</summary>
    private sealed class FlagServer : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Dictionary<string, byte[]> _files = [];
        private readonly Dictionary<string, string> _redirects = [];

        public FlagServer()
        {
            using (var probe = new TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                Port = ((IPEndPoint)probe.LocalEndpoint).Port;
            }
            _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            _listener.Prefixes.Add($"http://localhost:{Port}/");
            _listener.Start();
            _ = ServeAsync();
        }

        public int Port { get; }

        public void Answer(string path, byte[] content) => _files[path] = content;

        public void Redirect(string path, string location) => _redirects[path] = location;

        public void Dispose() => _listener.Close();

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }
                var path = context.Request.Url!.AbsolutePath;
                if (_redirects.TryGetValue(path, out var location))
                {
                    context.Response.StatusCode = 302;
                    context.Response.RedirectLocation = location;
                }
                else if (_files.TryGetValue(path, out var content))
                {
                    context.Response.ContentLength64 = content.Length;
                    await context.Response.OutputStream.WriteAsync(content);
                }
                else
                {
                    context.Response.StatusCode = 404;
                }
                context.Response.Close();
            }
        }
    }
}
