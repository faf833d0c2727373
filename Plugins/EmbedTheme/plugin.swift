import Foundation
import PackagePlugin

/// Embeds every file of `Themes/default` into the target as Swift source, so the default
/// theme ships inside the `trellis` binary and a site folder holding only `Content/` builds.
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let themeFolder = context.package.directoryURL.appending(path: "Themes/default")
        let output = context.pluginWorkDirectoryURL.appending(path: "DefaultTheme.generated.swift")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: themeFolder, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                inputs.append(url)
            }
        }
        inputs.sort { $0.path < $1.path }
        return [
            .buildCommand(
                displayName: "Embedding the default theme",
                executable: try context.tool(named: "embed-theme").url,
                arguments: [themeFolder.path, output.path],
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
