using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BlueRobin.Manifests.Keycloak;

/// <summary>
/// Keeps users' passwords out of the cluster's realm import. The realm file carries
/// development passwords for local runs; in a cluster, users get theirs from an administrator
/// (or a federated directory), and the manifests in the repository hold no secret in clear.
/// </summary>
public static class RealmExportFilter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The file's bytes, without <c>users[].credentials</c> if it is a realm export.</summary>
    public static byte[] WithoutUserCredentials(string fileName, byte[] content)
    {
        if (!fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            || JsonNode.Parse(content) is not JsonObject realm
            || realm["realm"] is null
            || realm["users"] is not JsonArray users)
        {
            return content;
        }

        foreach (var user in users.OfType<JsonObject>())
        {
            user.Remove("credentials");
        }

        return Encoding.UTF8.GetBytes(realm.ToJsonString(Indented) + "\n");
    }
}
