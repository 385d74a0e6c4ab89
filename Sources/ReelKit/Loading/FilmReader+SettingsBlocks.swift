import Foundation
import Yams

/// Backends' settings blocks (`name: { … }` at the top level of film.yaml or the config file):
/// kept whole, with where they were written, for the factory that owns each name to read.
extension FilmReader {
    /// The blocks among `fields` whose keys are in `names`.
    func settingsBlocks(
        _ fields: Fields, names: [String], origin: SettingSource.Origin, baseDirectory: URL?, fileDescription: String
    ) -> [String: SettingsBlock] {
        var blocks: [String: SettingsBlock] = [:]
        for entry in fields.entries where names.contains(entry.key) {
            blocks[entry.key] = SettingsBlock(
                name: entry.key, origin: origin, node: entry.value, source: source, renamedKeys: renamedKeys,
                location: entry.keyLocation, baseDirectory: baseDirectory, fileDescription: fileDescription)
        }
        return blocks
    }
}
