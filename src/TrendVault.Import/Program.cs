using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Spectre.Console;
using TrendVault.Import;
using TrendVault.Storage;
using TrendVault.Storage.Connections;
using TrendVault.Storage.Import;
using TrendVault.Storage.Migrations;

// scripts/import.sh [--region CC] FILE...: imports public trending datasets as history. Each file is one
// transaction; exit code 0 when every file was imported (rows skipped inside them included), 1 otherwise.
var output = new ImportConsole(AnsiConsole.Console, Console.Out, Console.Error);
if (ImportArguments.Parse(args, out var usageError) is not { } arguments)
{
    output.Error(usageError!);
    Console.Error.WriteLine(ImportArguments.Usage);
    return 2;
}
foreach (var file in arguments.Files)
{
    if (!File.Exists(file))
    {
        output.Error($"{file}: no such file");
        return 2;
    }
    if (arguments.RegionOf(file) is null)
    {
        output.Error($"{file}: the file name does not start with a region code (e.g. USvideos.csv); give one with --region CC");
        return 2;
    }
}

// The same settings as the other commands: DB_* or ConnectionStrings__Postgres, from the environment.
var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
var connectionString = ConnectionBudget.WithPoolSize(PostgresConnection.FromConfiguration(configuration), ConnectionBudget.MigratorPoolSize);
Console.WriteLine($"Database: {PostgresConnection.Redact(connectionString)}");
try
{
    // As the migrator does: tables a migration just added must be usable by the silo and gateway roles (compose).
    await DatabaseMigrator.ApplyAndGrantAsync(connectionString, configuration, NullLogger.Instance, CancellationToken.None);
}
catch (Exception exception)
{
    output.Error($"The database could not be prepared (migrations), nothing was imported: {exception.Message}");
    return 1;
}

await using var dataSource = NpgsqlDataSource.Create(connectionString);
var importer = new TrendingFileImporter(new HistoryImportStore(dataSource), TimeProvider.System);
var reports = new List<FileReport>();
var failed = 0;
foreach (var file in arguments.Files)
{
    try
    {
        reports.Add(await output.WithProgressAsync(file, progress => importer.ImportAsync(file, arguments.RegionOf(file)!, progress, CancellationToken.None)));
    }
    catch (Exception exception) when (exception is InvalidDataException or IOException or UnauthorizedAccessException or NpgsqlException)
    {
        failed++;
        output.Error($"{file}: not imported, nothing of it was stored: {exception.Message}");
    }
}
output.Summarize(reports);
return failed == 0 ? 0 : 1;
