namespace BlueRobin;

/// <summary>
/// The names of BlueRobin's Aspire resources. The AppHost, the services, the manifest
/// generator and the tests all read them from here, so a rename happens in one place.
/// </summary>
public static class ResourceNames
{
    public const string ArchivesApi = "archives-api";
    public const string OcrWorker = "ocr-worker";
    public const string Postgres = "postgres";
    public const string ArchivesDatabase = "archives";
    public const string Identity = "identity";
}
