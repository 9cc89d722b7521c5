"""The import wizard reads the file in the background: tests wait for its preview."""


def previewed(qtbot, wizard):
    qtbot.waitUntil(lambda: wizard.previewing is not None and not wizard.previewing.running
                    and wizard.preview is not None, timeout=30000)
    return wizard.preview
