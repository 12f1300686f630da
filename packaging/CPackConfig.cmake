# Desktop integration and the Debian package (cpack -G DEB in the build folder).
install(FILES ${CMAKE_CURRENT_LIST_DIR}/linux/io.github.distilbench.DistilBench.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/linux/io.github.distilbench.DistilBench.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/man/distilbench.1 ${CMAKE_CURRENT_LIST_DIR}/man/distilbench-cli.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/distilbench RENAME copyright)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME distilbench)
set(CPACK_PACKAGE_VENDOR "DistilBench")
set(CPACK_PACKAGE_CONTACT "DistilBench developers <distilbench@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "workbench for BERT-family models: inspect, fine-tune, distil, export")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "workbench for BERT-family models: inspect, fine-tune, distil, export
DistilBench opens Hugging Face DistilBERT and BERT checkpoints, shows tokenization,
attention and attributions, fine-tunes and distils models with live plots, evaluates
them and exports them for transformers, ONNX Runtime or DistilBench itself.
Offline, without a Python environment.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/distilbench/distilbench")
# dpkg-shlibdeps finds the libraries' packages (Qt 6, LibTorch, QCustomPlot, sentencepiece, ONNX);
# OpenBLAS (OpenMP) is what keeps LibTorch fast, so it is required too.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libopenblas0-openmp, libqt6svg6")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-noto-cjk")
include(CPack)
