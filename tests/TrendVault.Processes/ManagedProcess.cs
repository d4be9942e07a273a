using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace TrendVault.Processes;

/// <summary>
/// A `dotnet some.dll` child process (fake API, silo, gateway, migrator) whose stdout and stderr go, line by
/// line and time-stamped, to a log file and to memory (so tests can wait for and read what it logged).
/// Disposing kills it if it still runs, so a failed test or benchmark never leaves processes behind.
/// </summary>
public sealed class ManagedProcess : IAsyncDisposable
{
    private const int SigKill = 9;
    private const int SigTerm = 15;

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly List<LogLine> _lines = [];
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ManagedProcess(string name, string logPath, Process process, StreamWriter log)
    {
        Name = name;
        LogPath = logPath;
        _process = process;
        _log = log;
    }

    public string Name { get; }

    /// <summary>The file holding everything the process wrote.</summary>
    public string LogPath { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>When this test stopped or killed it, if it did.</summary>
    public DateTimeOffset? StoppedAt { get; private set; }

    /// <summary>Runs `dotnet <paramref name="dll"/>` in the dll's folder (so its appsettings.json applies) with these extra environment variables.</summary>
    public static ManagedProcess Start(string name, string dll, IReadOnlyDictionary<string, string> environment, string logPath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        log.WriteLine($"# {name}: dotnet {dll}");
        foreach (var (key, value) in environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            log.WriteLine($"# {key}={value}");
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var managed = new ManagedProcess(name, logPath, process, log);
        process.OutputDataReceived += (_, e) => managed.Append(e.Data, isError: false);
        process.ErrorDataReceived += (_, e) => managed.Append(e.Data, isError: true);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {name} (dotnet {dll}).");
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return managed;
    }

    /// <summary>Everything read so far.</summary>
    public IReadOnlyList<LogLine> Lines
    {
        get
        {
            lock (_gate)
            {
                return _lines.ToList();
            }
        }
    }

    /// <summary>Peak resident set size so far (VmHWM) and the current one (VmRSS), in bytes, from /proc.</summary>
    public (long Peak, long Current) Memory()
    {
        long Read(string[] lines, string key) =>
            long.Parse(lines.Single(l => l.StartsWith(key, StringComparison.Ordinal))[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        var status = File.ReadAllLines($"/proc/{_process.Id}/status");
        return (Read(status, "VmHWM:"), Read(status, "VmRSS:"));
    }

    /// <summary>CPU time (user and system) the process has used so far.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public void ThrowIfExited()
    {
        if (HasExited)
        {
            throw new ProcessExitedException($"{Name} exited with code {ExitCode}; log: {LogPath}{Environment.NewLine}{Tail()}");
        }
    }

    /// <summary>The last lines, for failure messages.</summary>
    public string Tail(int count = 15) => string.Join(Environment.NewLine, Lines.TakeLast(count).Select(l => $"  {Name}| {l.Text}"));

    /// <summary>Waits for a line containing <paramref name="text"/>, failing early (with the log) if the process exits first.</summary>
    public async Task<LogLine> WaitForLineAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            if (Lines.FirstOrDefault(l => l.Text.Contains(text, StringComparison.Ordinal)) is { } line)
            {
                return line;
            }
            if (HasExited)
            {
                throw new ProcessExitedException($"{Name} exited with code {ExitCode} before writing \"{text}\"; log: {LogPath}{Environment.NewLine}{Tail()}");
            }
            if (DateTimeOffset.UtcNow >= deadline)
            {
                throw new TimeoutException($"{Name} did not write \"{text}\" within {timeout.TotalSeconds:F0} s; log: {LogPath}{Environment.NewLine}{Tail()}");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>SIGKILL: the process gets no chance to clean up, like a crashed host.</summary>
    public async Task KillAsync()
    {
        StoppedAt = DateTimeOffset.UtcNow;
        Signal(SigKill);
        await WaitForExitAsync(TimeSpan.FromSeconds(10));
        Note($"killed with SIGKILL at {StoppedAt:HH:mm:ss.fff}");
    }

    /// <summary>SIGTERM and wait for a graceful exit; returns how long the shutdown took.</summary>
    public async Task<TimeSpan> TerminateAsync(TimeSpan timeout)
    {
        StoppedAt = DateTimeOffset.UtcNow;
        Note($"sent SIGTERM at {StoppedAt:HH:mm:ss.fff}");
        Signal(SigTerm);
        await WaitForExitAsync(timeout);
        var took = DateTimeOffset.UtcNow - StoppedAt.Value;
        Note($"exited with code {_process.ExitCode} after {took.TotalSeconds:F1} s");
        return took;
    }

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} (pid {Id}) did not exit within {timeout.TotalSeconds:F0} s; log: {LogPath}");
        }
        // Let the readers drain what the process wrote last.
        await Task.WhenAny(Task.WhenAll(_stdoutClosed.Task, _stderrClosed.Task), Task.Delay(2000));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await WaitForExitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }
        finally
        {
            _process.Dispose();
            lock (_gate)
            {
                _log.Dispose();
            }
        }
    }

    /// <summary>Writes a line of the test's own into this process's log.</summary>
    private void Note(string text)
    {
        lock (_gate)
        {
            _log.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} ## test: {text}");
        }
    }

    private void Append(string? text, bool isError)
    {
        if (text is null)
        {
            (isError ? _stderrClosed : _stdoutClosed).TrySetResult();
            return;
        }
        var line = new LogLine(DateTimeOffset.UtcNow, isError, text);
        lock (_gate)
        {
            _lines.Add(line);
            try
            {
                _log.WriteLine($"{line.At:HH:mm:ss.fff} {(isError ? "ERR " : "")}{text}");
            }
            catch (ObjectDisposedException)
            {
                // Output that arrives after disposal is dropped.
            }
        }
    }

    private void Signal(int signal)
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"{Name} already exited with code {_process.ExitCode}; log: {LogPath}");
        }
        if (SendSignal(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
