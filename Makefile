# The commands a newcomer types. Each one installs what is missing first.
#   make run    build and start Lede on the default library
#   make test   build and run every test (window tests under Xvfb)
#   make bench  an optimised build, then every benchmark (see bench/)
#   make fuzz   every fuzz target for FUZZ_SECONDS (60) each, with ASan and UBSan
#   make sanitize  the core and lede-cli with ASan and UBSan, and their tests

BUILD       ?= build
MESON_FLAGS ?=

# Debian 12 packages: to build, to run the tests, and to look at the app.
BUILD_DEBS = meson ninja-build gcc pkg-config gettext appstream desktop-file-utils \
             libglib2.0-dev libgtk-4-dev libadwaita-1-dev libgtksourceview-5-dev \
             libsqlite3-dev libwebkitgtk-6.0-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libjson-glib-dev libyaml-dev \
             libenchant-2-dev hunspell-en-us hunspell-en-gb libarchive-dev \
             libgdk-pixbuf-2.0-dev libgexiv2-dev webp-pixbuf-loader libsoup-3.0-dev libsecret-1-dev libxml2-dev
TEST_DEBS  = xvfb xauth xdotool dbus fonts-cantarell openjdk-17-jre-headless python3-docx flatpak-builder poppler-utils \
             at-spi2-core python3-gi gir1.2-atspi-2.0 exiv2 hugo \
             wordpress mariadb-server php-cli php-mysql
FUZZ_DEBS  = clang libclang-rt-14-dev
BENCH_DEBS = cmark-gfm libx11-dev libxdamage-dev gnome-text-editor apostrophe python3-chardet pandoc imagemagick
SUDO      := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

FUZZ_SECONDS ?= 60

.PHONY: all run test bench fuzz sanitize deps test-deps build clean

all: build

# Installs only what is missing, and says what; silent when all is there.
define install_missing
	@missing=$$(for p in $(1); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing missing Debian packages:" $$missing; \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q $$missing; \
	fi
endef

deps:
	$(call install_missing,$(BUILD_DEBS))

test-deps: deps tests/node/node_modules/.package-lock.json
	$(call install_missing,$(TEST_DEBS))

# The export checkers (W3C Nu HTML checker, ajv, js-yaml), pinned by the
# lock file; Node.js comes from Debian when the machine has none.
tests/node/node_modules/.package-lock.json: tests/node/package-lock.json
	@command -v npm > /dev/null || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q nodejs npm; }
	cd tests/node && npm ci --no-audit --no-fund

$(BUILD)/build.ninja:
	meson setup $(BUILD) $(MESON_FLAGS)

build: deps $(BUILD)/build.ninja
	@if [ -n "$(MESON_FLAGS)" ]; then meson configure $(BUILD) $(MESON_FLAGS); fi
	meson compile -C $(BUILD)

run: build
	$(BUILD)/src/lede

# The window and WordPress tests are required here, whatever the build was
# set up with.
test: test-deps
	$(MAKE) build MESON_FLAGS="-Dui_tests=enabled -Dwordpress_tests=enabled $(MESON_FLAGS)"
	meson test -C $(BUILD) --print-errorlogs

bench: test-deps
	$(call install_missing,$(BENCH_DEBS))
	bench/run

# Sanitizers stop at the first report; the core needs no display.
SANITIZE_FLAGS = -Dgui=false -Db_sanitize=address,undefined -Dc_args=-fno-sanitize-recover=all

fuzz: deps
	$(call install_missing,$(FUZZ_DEBS))
	@[ -f build-fuzz/build.ninja ] || CC=clang meson setup build-fuzz $(SANITIZE_FLAGS) -Db_lundef=false -Dfuzzing=true
	meson compile -C build-fuzz
	FUZZ_SECONDS=$(FUZZ_SECONDS) tests/fuzz/run

sanitize: test-deps
	@[ -f build-sanitize/build.ninja ] || meson setup build-sanitize $(SANITIZE_FLAGS)
	meson compile -C build-sanitize
	LEDE_TEST_CUT_STRIDE=3 G_SLICE=always-malloc ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  meson test -C build-sanitize --suite core --print-errorlogs --timeout-multiplier 2

clean:
	rm -rf $(BUILD) build-fuzz build-sanitize
