#!/usr/bin/env bash
# Static checks of the tree: clang-format (whole tree), cppcheck and clang-tidy (configurations in
# the repository: .clang-format, .clang-tidy). Usage: run_static_checks.sh BUILD_DIR (with compile_commands.json)
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/../.."
build=${1:-build}
status=0

echo "== clang-format"
if ! git ls-files '*.cpp' '*.h' | xargs clang-format --dry-run -Werror; then
    echo "FAIL: run clang-format -i on the files above"; status=1
fi

echo "== cppcheck"
# Qt's macros are declared so cppcheck parses class bodies instead of giving up on them.
if ! cppcheck --quiet --enable=warning,performance,portability --std=c++20 --language=c++ --inline-suppr \
        --suppress=missingIncludeSystem --library=qt -I . \
        -D"Q_DISABLE_COPY_MOVE(x)=" -DQ_OBJECT= -DQ_SIGNALS=public -DQ_SLOTS= -DQ_EMIT= -D"Q_DECLARE_METATYPE(x)=" \
        --error-exitcode=1 core app ui; then
    echo "FAIL: cppcheck"; status=1
fi

echo "== clang-tidy"
files=$(git ls-files 'core/*.cpp' 'app/*.cpp' 'ui/*.cpp')
if ! run-clang-tidy -quiet -p "$build" -j "$(nproc)" $files > "$build/clang-tidy.log" 2>&1; then
    grep -E "warning:|error:" "$build/clang-tidy.log" | grep -v "^Suppressed" | sort -u | head -50
    echo "FAIL: clang-tidy (full log in $build/clang-tidy.log)"; status=1
fi
(( status == 0 )) && echo "static checks passed"
exit $status
