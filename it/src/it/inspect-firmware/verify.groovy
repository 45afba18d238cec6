// inspect -Dxenacpi.firmware=X inspects X, never the qemu-virt preset.
def log = new File(basedir, 'build.log').text
assert log.contains('hostile.acpidump.txt')
assert !log.contains('inspecting the preset qemu-virt')
def json = new File(basedir, 'target/xenacpi/inspect.json')
assert json.isFile()
assert json.text.contains('hostile.acpidump.txt')
