using Tenancy.Http.OpenApi;

// Writes the OpenAPI document the hosts serve to the file named by the one argument, for build steps that need it
// without starting a host. An unchanged document leaves the file untouched so that what is generated from it is not.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: Tenancy.OpenApiExport <output.json>");
    return 2;
}

var path = Path.GetFullPath(args[0]);
// The never-started app behind the document logs its start-up notes; a build step has no use for them.
Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
var json = await new OpenApiDocumentSource().JsonAsync();
if (File.Exists(path) && await File.ReadAllTextAsync(path) == json) return 0;
Directory.CreateDirectory(Path.GetDirectoryName(path)!);
await File.WriteAllTextAsync(path, json);
return 0;
