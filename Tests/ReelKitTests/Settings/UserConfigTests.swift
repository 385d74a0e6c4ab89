import Foundation
import ReelKit
import Testing

/// Where the user config file is, from the environment.
@Suite struct UserConfigTests {
    @Test func theFileIsFoundFromTheEnvironment() {
        let named = UserConfig.location(environment: ["REEL_CONFIG": "/etc/reel.yaml", "HOME": "/home/me"])
        #expect(named?.url.path == "/etc/reel.yaml" && named?.named == true)
        let xdg = UserConfig.location(environment: ["XDG_CONFIG_HOME": "/home/me/.cfg", "HOME": "/home/me"])
        #expect(xdg?.url.path == "/home/me/.cfg/reel/config.yaml" && xdg?.named == false)
        let home = UserConfig.location(environment: ["HOME": "/home/me", "XDG_CONFIG_HOME": ""])
        #expect(home?.url.path == "/home/me/.config/reel/config.yaml")
        #expect(UserConfig.location(environment: [:]) == nil)
    }
}
